package dev.gemscope.backend.parse.i915;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gemscope.backend.parse.Lines;
import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.ParseWarning;

/**
 * Parses {@code i915_gem_framebuffer} ({@code i915_gem_framebuffer_info()}, in {@code i915_debugfs.c}
 * until ≈5.5, then {@code display/intel_display_debugfs.c}). Each line is one of
 * <ul>
 * <li>3.6: {@code fbcon|user size: %d x %d, depth %d, %d bpp, obj }</li>
 * <li>3.10 (read) to ≈4.x: {@code …, %d bpp, refcount %d, obj } (refcount, no modifier)</li>
 * <li>4.8 and later (4.19 read): {@code …, %d bpp, modifier 0x%llx, refcount %d, obj }</li>
 * </ul>
 * followed by a describe_obj text read with {@link I915ObjectListParser#parseObject}. Since ≈6.13 the
 * object part comes from {@code intel_bo_describe()}, which is the same describe_obj on i915 and may be
 * empty on xe.
 */
public final class I915FramebufferParser {

    private static final Pattern ROW = Pattern.compile("(fbcon|user) size: (-?\\d+) x (-?\\d+), depth (-?\\d+), "
            + "(-?\\d+) bpp(?:, modifier 0x([0-9a-fA-F]+))?(?:, refcount (-?\\d+))?, obj ?(.*)");

    private I915FramebufferParser() {
    }

    /**
     * Parses the file.
     *
     * @param text file contents
     * @param source where it came from; objects get its file name as {@link DescribedObject#list()} and
     *     {@code fbcon} or {@code user} as {@link DescribedObject#section()}
     */
    public static I915Framebuffers parse(String text, String source) {
        List<String> lines = Lines.of(text);
        boolean cut = Lines.lastLineCut(text);
        List<FramebufferRow> rows = new ArrayList<>();
        List<ParseWarning> warnings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (cut && i == lines.size() - 1) {
                warnings.add(new ParseWarning(source, i + 1, line, "last line cut short (no final newline); ignored"));
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                warnings.add(new ParseWarning(source, i + 1, line, "not a framebuffer line"));
                continue;
            }
            row(m, source, i + 1, line, warnings).ifPresent(rows::add);
        }
        return new I915Framebuffers(rows, cut, warnings);
    }

    private static Optional<FramebufferRow> row(Matcher m, String source, int no, String line,
            List<ParseWarning> warnings) {
        OptionalLong w = Numbers.decimal(m.group(2));
        OptionalLong h = Numbers.decimal(m.group(3));
        OptionalLong depth = Numbers.decimal(m.group(4));
        OptionalLong bpp = Numbers.decimal(m.group(5));
        if (w.isEmpty() || h.isEmpty() || depth.isEmpty() || bpp.isEmpty()) {
            warnings.add(new ParseWarning(source, no, line, "framebuffer geometry out of range"));
            return Optional.empty();
        }
        OptionalLong modifier = m.group(6) == null ? OptionalLong.empty() : Numbers.hex(m.group(6));
        OptionalLong refcount = m.group(7) == null ? OptionalLong.empty() : Numbers.decimal(m.group(7));
        if ((m.group(6) != null && modifier.isEmpty()) || (m.group(7) != null && refcount.isEmpty())) {
            warnings.add(new ParseWarning(source, no, line, "modifier or refcount out of range"));
        }
        Optional<DescribedObject> object = Optional.empty();
        String describe = m.group(8);
        if (!describe.isBlank()) {
            DescribeResult r = I915ObjectListParser.parseObject(describe, source, Optional.of(m.group(1)), no);
            warnings.addAll(r.warnings());
            object = r.object();
        }
        FramebufferRow.Kind kind = FramebufferRow.Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        return Optional.of(new FramebufferRow(kind, w.getAsLong(), h.getAsLong(), depth.getAsLong(),
                bpp.getAsLong(), modifier, refcount, object, no));
    }
}
