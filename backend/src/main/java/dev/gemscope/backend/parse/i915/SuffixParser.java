package dev.gemscope.backend.parse.i915;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gemscope.backend.parse.Numbers;

/**
 * Reads the parenthesised groups that follow the fixed head of a describe_obj line. The groups are
 * printed conditionally and changed between kernels (see {@link DescribeFormat}), so each is matched
 * on its own text rather than by position.
 */
final class SuffixParser {

    private static final Pattern NAME = Pattern.compile("name: (-?\\d+)");
    private static final Pattern PINNED = Pattern.compile("pinned x (-?\\d+)");
    private static final Pattern FENCE = Pattern.compile("fence: (-?\\d+)");
    private static final Pattern STOLEN = Pattern.compile("stolen: ([0-9a-fA-F]+)");
    private static final Pattern MAPPABLE = Pattern.compile("(p|f|pf) mappable");
    private static final Pattern FRONTBUFFER = Pattern.compile("frontbuffer: (0x[0-9a-fA-F]+)");
    // 3.6 "gtt offset: %08x, size: %08x"; 3.10+ "(g|pp)gtt offset: …"; ≈5.16+ "dpt offset: …"
    private static final Pattern BINDING =
            Pattern.compile("(gtt|ggtt|ppgtt|dpt) offset: ([0-9a-fA-F]+), size: ([0-9a-fA-F]+)(.*)");
    private static final Pattern VIEW_TYPE = Pattern.compile(", type: (\\d+)");
    private static final Pattern FENCE_TAIL = Pattern.compile("\\s*, fence: (-?\\d+)\\s*$");
    // 4.14+ GGTT view kinds (i915_debugfs_describe_obj: ggtt_view.type switch)
    private static final Pattern VIEW = Pattern.compile(", (?:normal|partial \\[.*|rotated \\[.*|remapped \\[.*)");
    private static final String PAGES = ", pages: ";

    private SuffixParser() {
    }

    /**
     * Applies one group to {@code b}.
     *
     * @return a problem description when the group was not (fully) understood
     */
    static Optional<String> apply(String inner, ObjectBuilder b) {
        Matcher m;
        if ((m = NAME.matcher(inner)).matches()) {
            return set(Numbers.decimal(m.group(1)), v -> b.flinkName = v, inner, b);
        }
        if ((m = PINNED.matcher(inner)).matches()) {
            return set(Numbers.decimal(m.group(1)), v -> b.pinCount = v, inner, b);
        }
        if ((m = FENCE.matcher(inner)).matches()) {
            return set(Numbers.decimal(m.group(1)), v -> b.fenceRegister = v, inner, b);
        }
        if ((m = STOLEN.matcher(inner)).matches()) {
            return set(Numbers.hex(m.group(1)), v -> b.stolenOffset = v, inner, b);
        }
        if ((m = FRONTBUFFER.matcher(inner)).matches()) {
            return set(Numbers.hex(m.group(1)), v -> b.frontbufferBits = v, inner, b);
        }
        if ((m = MAPPABLE.matcher(inner)).matches()) {
            b.pinMappable = m.group(1).contains("p");
            b.faultMappable = m.group(1).contains("f");
            return Optional.empty();
        }
        if (inner.equals("display")) {
            b.display = true;
            return Optional.empty();
        }
        if (inner.equals("global")) {
            // 4.19 and ≈5.3: obj->pin_global; without this rule it would pass for an engine name
            b.globalPin = true;
            return Optional.empty();
        }
        if (inner.equals("fb")) {
            b.framebuffer = true;
            return Optional.empty();
        }
        if ((m = BINDING.matcher(inner)).matches()) {
            return binding(m, inner, b);
        }
        // the engine/ring name group is free text ("render ring", "rcs0"), the only group without ':'
        if (!inner.isBlank() && inner.indexOf(':') < 0 && b.engine.isEmpty()) {
            b.engine = Optional.of(inner);
            return Optional.empty();
        }
        b.unknown.add(inner);
        return Optional.of("unknown describe_obj group '(" + inner + ")' kept as text");
    }

    private static Optional<String> binding(Matcher m, String inner, ObjectBuilder b) {
        OptionalLong offset = Numbers.hex(m.group(2));
        OptionalLong size = Numbers.hex(m.group(3));
        if (offset.isEmpty() || size.isEmpty()) {
            b.unknown.add(inner);
            return Optional.of("binding offset or size out of range in '(" + inner + ")'");
        }
        String rest = m.group(4);
        OptionalLong fence = OptionalLong.empty();
        Matcher f = FENCE_TAIL.matcher(rest);
        if (f.find()) {
            fence = Numbers.decimal(f.group(1));
            rest = rest.substring(0, f.start());
        }
        OptionalLong viewType = OptionalLong.empty();
        Matcher t = VIEW_TYPE.matcher(rest);
        if (t.matches()) {
            viewType = Numbers.unsignedDecimal(t.group(1));
            rest = "";
        }
        Optional<String> pages = Optional.empty();
        if (rest.startsWith(PAGES)) {
            String after = rest.substring(PAGES.length());
            int comma = after.indexOf(", ");
            pages = Optional.of(comma < 0 ? after.trim() : after.substring(0, comma).trim());
            rest = comma < 0 ? "" : after.substring(comma);
        }
        Optional<String> view = Optional.empty();
        if (VIEW.matcher(rest).matches()) {
            view = Optional.of(rest.substring(2).trim());
            rest = "";
        }
        VmaBinding.Space space = VmaBinding.Space.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        b.bindings.add(new VmaBinding(space, offset.getAsLong(), size.getAsLong(), pages, view, viewType, fence,
                inner));
        return rest.isBlank() ? Optional.empty()
                : Optional.of("binding parsed but '" + rest.trim() + "' not understood");
    }

    private static Optional<String> set(OptionalLong value, Consumer<OptionalLong> target, String inner,
            ObjectBuilder b) {
        if (value.isEmpty()) {
            b.unknown.add(inner);
            return Optional.of("number out of range in '(" + inner + ")'");
        }
        target.accept(value);
        return Optional.empty();
    }
}
