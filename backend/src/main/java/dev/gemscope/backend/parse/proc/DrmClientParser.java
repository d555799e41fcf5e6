package dev.gemscope.backend.parse.proc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.ParseWarning;
import dev.gemscope.backend.parse.proc.DrmClientInfo.DrmClientEra;
import dev.gemscope.backend.parse.proc.FdInfoParser.Field;

/**
 * The drm-usage-stats lines of an fdinfo file. Producers: {@code drm_file.c: drm_show_fdinfo()}
 * (6.5+: driver, client id, pdev, client name), {@code drm_print_memory_stats()} (6.5+: the
 * total/shared/resident/purgeable/active region keys), and each driver's {@code show_fdinfo}
 * (engines, amdgpu's {@code drm-memory-}, driver-specific keys).
 *
 * <p>Engine and region names may contain dashes, so keys are split by their known prefixes, the
 * longer prefix first ({@code drm-engine-capacity-} before {@code drm-engine-},
 * {@code drm-total-cycles-} before {@code drm-total-}).
 */
final class DrmClientParser {

    private static final String ENGINE_CAPACITY = "drm-engine-capacity-";
    private static final String ENGINE = "drm-engine-";
    private static final String TOTAL_CYCLES = "drm-total-cycles-";
    private static final String CYCLES = "drm-cycles-";
    private static final String MAXFREQ = "drm-maxfreq-";
    private static final String MEMORY = "drm-memory-";
    private static final String TOTAL = "drm-total-";
    private static final String SHARED = "drm-shared-";
    private static final String RESIDENT = "drm-resident-";
    private static final String PURGEABLE = "drm-purgeable-";
    private static final String ACTIVE = "drm-active-";

    /** Field indexes of the per-engine and per-region value arrays. */
    private static final int BUSY = 0;
    private static final int CAPACITY = 1;
    private static final int CYC = 2;
    private static final int TOTAL_CYC = 3;
    private static final int FREQ = 4;
    private static final int R_TOTAL = 0;
    private static final int R_SHARED = 1;
    private static final int R_RESIDENT = 2;
    private static final int R_PURGEABLE = 3;
    private static final int R_ACTIVE = 4;
    private static final int R_MEMORY = 5;

    private DrmClientParser() {
    }

    static DrmClientInfo parse(List<Field> body, String source, Map<String, String> otherKeys,
            List<ParseWarning> warnings) {
        String driver = null;
        String pdev = null;
        String clientName = null;
        OptionalLong clientId = OptionalLong.empty();
        int driverIndex = -1;
        int clientIdIndex = -1;
        boolean coreOnlyKeys = false;
        Map<String, OptionalLong[]> engines = new LinkedHashMap<>();
        Map<String, OptionalLong[]> regions = new LinkedHashMap<>();

        for (int i = 0; i < body.size(); i++) {
            Field f = body.get(i);
            String key = f.key();
            switch (key) {
                case "drm-driver" -> {
                    driverIndex = driver == null ? i : driverIndex;
                    driver = driver == null ? f.value() : FdInfoParser.duplicate(driver, f, source, warnings);
                    continue;
                }
                case "drm-pdev" -> {
                    pdev = pdev == null ? f.value() : FdInfoParser.duplicate(pdev, f, source, warnings);
                    continue;
                }
                case "drm-client-id" -> {
                    clientIdIndex = clientId.isEmpty() ? i : clientIdIndex;
                    // 6.5+ core prints %llu; i915 5.19-6.4 printed %u.
                    clientId = FdInfoParser.number(clientId, Numbers.unsignedDecimal(f.value()), f, source, warnings);
                    continue;
                }
                case "drm-client-name" -> {
                    coreOnlyKeys = true;
                    clientName = clientName == null ? f.value() : FdInfoParser.duplicate(clientName, f, source, warnings);
                    continue;
                }
                default -> {
                    // per-engine or per-region key, handled below
                }
            }
            if (engineKey(f, engines, source, warnings)) {
                continue;
            }
            int stat = regionStat(key);
            if (stat >= 0) {
                coreOnlyKeys |= stat != R_MEMORY;
                String region = key.substring(regionPrefix(stat).length());
                store(regions, region, 6, stat, DrmUnits.bytes(f.value()), f, source, warnings);
            } else {
                // Driver-specific (amd-…, pasid) or a drm- key this parser does not know (drm-curfreq-…).
                otherKeys.putIfAbsent(key, f.value());
            }
        }
        if (driver == null) {
            warnings.add(new ParseWarning(source, 0, "", "DRM fdinfo without a drm-driver line"));
        }
        boolean coreOrder = driverIndex >= 0 && clientIdIndex == driverIndex + 1;
        DrmClientEra era = coreOrder || coreOnlyKeys ? DrmClientEra.CORE_PRINTED : DrmClientEra.DRIVER_PRINTED;

        List<DrmEngine> engineList = new ArrayList<>();
        engines.forEach((name, v) -> engineList.add(new DrmEngine(name, v[BUSY], v[CAPACITY], v[CYC], v[TOTAL_CYC], v[FREQ])));
        List<DrmMemoryRegion> regionList = new ArrayList<>();
        regions.forEach((name, v) -> regionList.add(new DrmMemoryRegion(name, v[R_TOTAL], v[R_SHARED], v[R_RESIDENT],
                v[R_PURGEABLE], v[R_ACTIVE], v[R_MEMORY])));
        return new DrmClientInfo(driver == null ? "" : driver, Optional.ofNullable(pdev), clientId,
                Optional.ofNullable(clientName), era, engineList, regionList);
    }

    /** Handles the per-engine keys; false if {@code f} is not one. */
    private static boolean engineKey(Field f, Map<String, OptionalLong[]> engines, String source,
            List<ParseWarning> warnings) {
        String key = f.key();
        String prefix;
        int slot;
        Function<String, OptionalLong> decode;
        if (key.startsWith(ENGINE_CAPACITY)) {
            prefix = ENGINE_CAPACITY;
            slot = CAPACITY;
            decode = DrmUnits::plain;
        } else if (key.startsWith(ENGINE)) {
            prefix = ENGINE;
            slot = BUSY;
            decode = DrmUnits::nanoseconds;
        } else if (key.startsWith(TOTAL_CYCLES)) {
            prefix = TOTAL_CYCLES;
            slot = TOTAL_CYC;
            decode = DrmUnits::plain;
        } else if (key.startsWith(CYCLES)) {
            prefix = CYCLES;
            slot = CYC;
            decode = DrmUnits::plain;
        } else if (key.startsWith(MAXFREQ)) {
            prefix = MAXFREQ;
            slot = FREQ;
            decode = DrmUnits::hertz;
        } else {
            return false;
        }
        store(engines, key.substring(prefix.length()), 5, slot, decode.apply(f.value()), f, source, warnings);
        return true;
    }

    private static int regionStat(String key) {
        if (key.startsWith(MEMORY)) {
            return R_MEMORY;
        } else if (key.startsWith(TOTAL)) {
            return R_TOTAL;
        } else if (key.startsWith(SHARED)) {
            return R_SHARED;
        } else if (key.startsWith(RESIDENT)) {
            return R_RESIDENT;
        } else if (key.startsWith(PURGEABLE)) {
            return R_PURGEABLE;
        } else if (key.startsWith(ACTIVE)) {
            return R_ACTIVE;
        }
        return -1;
    }

    private static String regionPrefix(int stat) {
        return switch (stat) {
            case R_MEMORY -> MEMORY;
            case R_TOTAL -> TOTAL;
            case R_SHARED -> SHARED;
            case R_RESIDENT -> RESIDENT;
            case R_PURGEABLE -> PURGEABLE;
            default -> ACTIVE;
        };
    }

    /** Puts one decoded value in the named engine's or region's slot, warning on problems. */
    private static void store(Map<String, OptionalLong[]> into, String name, int slots, int slot, OptionalLong value,
            Field f, String source, List<ParseWarning> warnings) {
        if (name.isEmpty()) {
            warnings.add(new ParseWarning(source, f.line(), f.text(), "key has no engine or region name"));
            return;
        }
        OptionalLong[] values = into.get(name);
        if (values != null && values[slot].isPresent()) {
            FdInfoParser.duplicate(values[slot], f, source, warnings);
        } else if (value.isEmpty()) {
            warnings.add(new ParseWarning(source, f.line(), f.text(), "value is not <uint> with a known unit"));
        } else {
            if (values == null) {
                values = new OptionalLong[slots];
                Arrays.fill(values, OptionalLong.empty());
                into.put(name, values);
            }
            values[slot] = value;
        }
    }
}
