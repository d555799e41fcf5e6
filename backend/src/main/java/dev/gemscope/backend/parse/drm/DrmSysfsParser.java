package dev.gemscope.backend.parse.drm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.ParseWarning;

/**
 * Pure parsing of the small sysfs attributes read under {@code /sys/class/drm}: {@code uevent}
 * files, {@code dev} ({@code major:minor}) and the hex PCI id attributes.
 *
 * <p>Sources: {@code drivers/base/core.c} ({@code dev_uevent}: {@code MAJOR=}, {@code MINOR=},
 * {@code DEVNAME=}, {@code DEVTYPE=}; {@code dev} as {@code "%u:%u\n"}), {@code drivers/pci/pci-sysfs.c}
 * ({@code vendor}, {@code device}, {@code subsystem_vendor}, {@code subsystem_device} as
 * {@code "0x%04x\n"}, {@code revision} {@code "0x%02x\n"}, {@code class} {@code "0x%06x\n"}) and
 * {@code drivers/pci/pci-driver.c: pci_uevent()} ({@code PCI_CLASS=%04X} with no {@code 0x},
 * {@code PCI_ID=%04X:%04X}, {@code PCI_SUBSYS_ID=%04X:%04X}, {@code PCI_SLOT_NAME=}, {@code MODALIAS=}).
 */
public final class DrmSysfsParser {

    private static final Pattern PCI_ADDRESS =
            Pattern.compile("[0-9a-fA-F]{4,}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]");

    private DrmSysfsParser() {
    }

    /**
     * A parsed {@code uevent} file.
     *
     * @param values the {@code KEY=VALUE} pairs in file order
     * @param warnings lines without {@code =}
     */
    public record Uevent(Map<String, String> values, List<ParseWarning> warnings) {
        public Uevent {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            warnings = List.copyOf(warnings);
        }

        /** The value of {@code key}, if present. */
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        /** An empty uevent (file missing). */
        public static Uevent empty() {
            return new Uevent(Map.of(), List.of());
        }
    }

    /** A character device number, as in {@code dev} or {@code MAJOR=}/{@code MINOR=}. */
    public record DevNumber(long major, long minor) {
    }

    /** Two hex ids joined by a colon, as in {@code PCI_ID=8086:3E92}. */
    public record IdPair(long first, long second) {
    }

    /**
     * PCI identification of a GPU. Every field is empty when unknown.
     *
     * @param vendor e.g. {@code 0x8086}
     * @param device the device (chipset) id, equal to i915 GETPARAM(CHIPSET_ID)
     * @param subsystemVendor board vendor
     * @param subsystemDevice board id
     * @param revision revision id (only from the {@code revision} file)
     * @param pciClass the 24-bit class code, e.g. {@code 0x030000} (VGA) or {@code 0x038000} (display)
     */
    public record PciIds(OptionalLong vendor, OptionalLong device, OptionalLong subsystemVendor,
            OptionalLong subsystemDevice, OptionalLong revision, OptionalLong pciClass) {

        /** No ids at all. */
        public static PciIds none() {
            OptionalLong e = OptionalLong.empty();
            return new PciIds(e, e, e, e, e, e);
        }

        /** The ids a PCI device's {@code uevent} carries ({@code PCI_ID}, {@code PCI_SUBSYS_ID}, {@code PCI_CLASS}). */
        public static PciIds fromUevent(Uevent uevent) {
            Optional<IdPair> id = uevent.get("PCI_ID").flatMap(DrmSysfsParser::parseIdPair);
            Optional<IdPair> sub = uevent.get("PCI_SUBSYS_ID").flatMap(DrmSysfsParser::parseIdPair);
            OptionalLong cls = uevent.get("PCI_CLASS").map(DrmSysfsParser::parseHex).orElse(OptionalLong.empty());
            return new PciIds(first(id), second(id), first(sub), second(sub), OptionalLong.empty(), cls);
        }

        /** This, with each empty field taken from {@code fallback}. */
        public PciIds orElse(PciIds fallback) {
            return new PciIds(or(vendor, fallback.vendor), or(device, fallback.device),
                    or(subsystemVendor, fallback.subsystemVendor), or(subsystemDevice, fallback.subsystemDevice),
                    or(revision, fallback.revision), or(pciClass, fallback.pciClass));
        }

        private static OptionalLong or(OptionalLong a, OptionalLong b) {
            return a.isPresent() ? a : b;
        }

        private static OptionalLong first(Optional<IdPair> p) {
            return p.map(x -> OptionalLong.of(x.first())).orElse(OptionalLong.empty());
        }

        private static OptionalLong second(Optional<IdPair> p) {
            return p.map(x -> OptionalLong.of(x.second())).orElse(OptionalLong.empty());
        }
    }

    /** Parses a {@code uevent} file; lines without {@code =} become warnings. Never throws. */
    public static Uevent parseUevent(String text, String source) {
        List<ParseWarning> warnings = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        List<String> lines = DrmText.completeLines(text, source, warnings);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int eq = line.indexOf('=');
            if (eq <= 0) {
                if (!line.isBlank()) {
                    warnings.add(new ParseWarning(source, i + 1, line, "not a KEY=VALUE line"));
                }
                continue;
            }
            values.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
        }
        return new Uevent(values, warnings);
    }

    /** Parses a {@code dev} attribute ({@code "226:128\n"}). */
    public static Optional<DevNumber> parseDevNumber(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        OptionalLong major = Numbers.unsignedDecimal(parts[0]);
        OptionalLong minor = Numbers.unsignedDecimal(parts[1]);
        return major.isPresent() && minor.isPresent()
                ? Optional.of(new DevNumber(major.getAsLong(), minor.getAsLong())) : Optional.empty();
    }

    /** The device number from a uevent's {@code MAJOR=} and {@code MINOR=}. */
    public static Optional<DevNumber> devNumber(Uevent uevent) {
        OptionalLong major = uevent.get("MAJOR").map(Numbers::unsignedDecimal).orElse(OptionalLong.empty());
        OptionalLong minor = uevent.get("MINOR").map(Numbers::unsignedDecimal).orElse(OptionalLong.empty());
        return major.isPresent() && minor.isPresent()
                ? Optional.of(new DevNumber(major.getAsLong(), minor.getAsLong())) : Optional.empty();
    }

    /** A hex attribute such as {@code "0x8086\n"} (the {@code 0x} is optional). */
    public static OptionalLong parseHex(String text) {
        return text == null ? OptionalLong.empty() : Numbers.hex(text.strip());
    }

    /** {@code "8086:3E92"} → (0x8086, 0x3e92). */
    public static Optional<IdPair> parseIdPair(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        OptionalLong a = Numbers.hex(parts[0]);
        OptionalLong b = Numbers.hex(parts[1]);
        return a.isPresent() && b.isPresent()
                ? Optional.of(new IdPair(a.getAsLong(), b.getAsLong())) : Optional.empty();
    }

    /**
     * The parent device's name from its {@code uevent}, for trees where {@code device} is a plain
     * directory: {@code PCI_SLOT_NAME}, else the name in a {@code platform:} {@code MODALIAS}.
     */
    public static Optional<String> parentName(Uevent uevent) {
        Optional<String> slot = uevent.get("PCI_SLOT_NAME").map(String::strip).filter(s -> !s.isEmpty());
        if (slot.isPresent()) {
            return slot;
        }
        return uevent.get("MODALIAS").map(String::strip).filter(m -> m.startsWith("platform:"))
                .map(m -> m.substring("platform:".length())).filter(s -> !s.isEmpty());
    }

    /** True for a PCI address such as {@code 0000:00:02.0} ({@code %04x:%02x:%02x.%d}). */
    public static boolean isPciAddress(String name) {
        return name != null && PCI_ADDRESS.matcher(name).matches();
    }
}
