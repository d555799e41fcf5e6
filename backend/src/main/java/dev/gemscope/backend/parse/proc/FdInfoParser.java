package dev.gemscope.backend.parse.proc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import dev.gemscope.backend.parse.Lines;
import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.ParseWarning;
import dev.gemscope.backend.parse.proc.FdHeader.HeaderEra;
import dev.gemscope.backend.parse.proc.FdInfo.FdKind;

/**
 * Parses {@code /proc/PID/fdinfo/FD}: the generic header ({@code fs/proc/fd.c: seq_show()}), lock
 * lines (skipped), then the file type's {@code show_fdinfo} lines, which decide the {@link FdKind}:
 * dma-buf ({@code dma_buf_show_fdinfo()}, 5.3+) or DRM client usage stats (5.19+).
 */
public final class FdInfoParser {

    /** One {@code key: value} line after the header; package-private for {@link DrmClientParser}. */
    record Field(int line, String key, String value, String text) {
    }

    private FdInfoParser() {
    }

    /** Parses fdinfo text; {@code source} names it in warnings (e.g. {@code /proc/42/fdinfo/7}). */
    public static FdInfo parse(String text, String source) {
        List<ParseWarning> warnings = new ArrayList<>();
        List<String> lines = Lines.of(text);
        int usable = lines.size();
        if (usable == 0) {
            warnings.add(new ParseWarning(source, 0, "", "empty fdinfo"));
        } else if (Lines.lastLineCut(text)) {
            usable--;
            warnings.add(new ParseWarning(source, usable + 1, lines.get(usable), "last line cut off (truncated read)"));
        }

        Header header = new Header();
        List<Field> body = new ArrayList<>();
        for (int i = 0; i < usable; i++) {
            String line = lines.get(i);
            int colon = line.indexOf(':');
            if (colon <= 0) {
                warnings.add(new ParseWarning(source, i + 1, line, "not a key: value line"));
                continue;
            }
            String key = line.substring(0, colon).strip();
            // The usage-stats spec says to skip whitespace after the colon; amdgpu prints " \t".
            String value = line.substring(colon + 1).strip();
            if (key.equals("lock")) {
                header.lockLines++;
            } else if (!(body.isEmpty() && header.accept(key, value, i + 1, line, source, warnings))) {
                body.add(new Field(i + 1, key, value, line));
            }
        }
        if (header.era() == HeaderEra.UNKNOWN && usable > 0) {
            warnings.add(new ParseWarning(source, 0, "", "no pos:/flags: header"));
        }

        FdKind kind = kindOf(body);
        Map<String, String> otherKeys = new LinkedHashMap<>();
        Optional<DmaBufFdInfo> dmaBuf = Optional.empty();
        Optional<DrmClientInfo> drm = Optional.empty();
        switch (kind) {
            case DMA_BUF -> dmaBuf = Optional.of(parseDmaBuf(body, source, otherKeys, warnings));
            case DRM -> drm = Optional.of(DrmClientParser.parse(body, source, otherKeys, warnings));
            default -> body.forEach(f -> otherKeys.putIfAbsent(f.key(), f.value()));
        }
        return new FdInfo(header.build(), kind, dmaBuf, drm, otherKeys, warnings);
    }

    private static FdKind kindOf(List<Field> body) {
        boolean drm = false;
        for (Field f : body) {
            if (f.key().equals("exp_name")) {
                return FdKind.DMA_BUF;
            }
            drm |= f.key().startsWith("drm-");
        }
        return drm ? FdKind.DRM : FdKind.OTHER;
    }

    private static DmaBufFdInfo parseDmaBuf(List<Field> body, String source, Map<String, String> otherKeys,
            List<ParseWarning> warnings) {
        OptionalLong size = OptionalLong.empty();
        OptionalLong count = OptionalLong.empty();
        String exporter = null;
        String name = null;
        for (Field f : body) {
            switch (f.key()) {
                case "size" -> size = number(size, Numbers.unsignedDecimal(f.value()), f, source, warnings);
                case "count" -> count = number(count, Numbers.decimal(f.value()), f, source, warnings);
                case "exp_name" -> exporter = exporter == null ? f.value() : duplicate(exporter, f, source, warnings);
                case "name" -> name = name == null ? verbatimValue(f) : duplicate(name, f, source, warnings);
                default -> otherKeys.putIfAbsent(f.key(), f.value());
            }
        }
        return new DmaBufFdInfo(size, count, exporter, Optional.ofNullable(name));
    }

    /**
     * The value exactly as printed after {@code key:\t}: a user-set dma-buf name
     * (DMA_BUF_SET_NAME) may start or end with blanks, which {@link Field#value()} has stripped.
     */
    private static String verbatimValue(Field f) {
        String after = f.text().substring(f.text().indexOf(':') + 1);
        return after.startsWith("\t") ? after.substring(1) : after.strip();
    }

    /** Keeps the first value of a repeated key and records the repeat. */
    static <T> T duplicate(T first, Field f, String source, List<ParseWarning> warnings) {
        warnings.add(new ParseWarning(source, f.line(), f.text(), "repeated key, first value kept"));
        return first;
    }

    /** Stores a parsed number once, or records why it could not be. */
    static OptionalLong number(OptionalLong current, OptionalLong parsed, Field f, String source,
            List<ParseWarning> warnings) {
        if (current.isPresent()) {
            return duplicate(current, f, source, warnings);
        }
        if (parsed.isEmpty()) {
            warnings.add(new ParseWarning(source, f.line(), f.text(), "value is not a number in the expected format"));
        }
        return parsed;
    }

    /** The generic header, accepted only before the first file-type line. */
    private static final class Header {
        private OptionalLong pos = OptionalLong.empty();
        private OptionalLong flags = OptionalLong.empty();
        private OptionalLong mntId = OptionalLong.empty();
        private OptionalLong ino = OptionalLong.empty();
        private boolean seenPos;
        private boolean seenFlags;
        private boolean seenMntId;
        private boolean seenIno;
        private int lockLines;

        boolean accept(String key, String value, int lineNo, String line, String source, List<ParseWarning> warnings) {
            OptionalLong parsed;
            switch (key) {
                case "pos" -> {
                    if (seenPos) {
                        return false;
                    }
                    seenPos = true;
                    parsed = pos = Numbers.decimal(value);
                }
                case "flags" -> {
                    if (seenFlags) {
                        return false;
                    }
                    seenFlags = true;
                    parsed = flags = Numbers.octal(value);
                }
                case "mnt_id" -> {
                    if (seenMntId) {
                        return false;
                    }
                    seenMntId = true;
                    parsed = mntId = Numbers.decimal(value);
                }
                case "ino" -> {
                    if (seenIno) {
                        return false;
                    }
                    seenIno = true;
                    parsed = ino = Numbers.unsignedDecimal(value);
                }
                default -> {
                    return false;
                }
            }
            if (parsed.isEmpty()) {
                warnings.add(new ParseWarning(source, lineNo, line, "unreadable " + key + " value"));
            }
            return true;
        }

        HeaderEra era() {
            if (seenIno) {
                return HeaderEra.INO;
            }
            if (seenMntId) {
                return HeaderEra.MNT_ID;
            }
            return seenPos || seenFlags ? HeaderEra.POS_FLAGS : HeaderEra.UNKNOWN;
        }

        FdHeader build() {
            return new FdHeader(era(), pos, flags, mntId, ino, lockLines);
        }
    }
}
