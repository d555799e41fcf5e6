package dev.gemscope.backend.parse.i915;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Mutable collector for the parts of a describe_obj line while it is being read. */
final class ObjectBuilder {

    String source;
    String list;
    Optional<String> section = Optional.empty();
    int line;
    DescribeFormat format;
    String pointer;
    ObjectFlags flags;
    long sizeKiB;
    long readDomains;
    long writeDomain;
    Seqnos seqnos = Seqnos.NONE;
    final List<String> cache = new ArrayList<>();
    boolean dirty;
    boolean purgeable;
    OptionalLong flinkName = OptionalLong.empty();
    OptionalLong pinCount = OptionalLong.empty();
    boolean display;
    boolean globalPin;
    boolean framebuffer;
    OptionalLong fenceRegister = OptionalLong.empty();
    final List<VmaBinding> bindings = new ArrayList<>();
    OptionalLong stolenOffset = OptionalLong.empty();
    boolean pinMappable;
    boolean faultMappable;
    Optional<String> engine = Optional.empty();
    OptionalLong frontbufferBits = OptionalLong.empty();
    final List<String> unknown = new ArrayList<>();
    String text;

    DescribedObject build() {
        boolean hidden = !pointer.isEmpty() && pointer.chars().allMatch(c -> c == '0');
        // sizes are KiB; a corrupt or hostile value must not overflow silently into a negative size
        OptionalLong bytes = sizeKiB >= 0 && sizeKiB <= Long.MAX_VALUE / 1024
                ? OptionalLong.of(sizeKiB * 1024) : OptionalLong.empty();
        return new DescribedObject(source, list, section, line, format, pointer, hidden, flags, sizeKiB, bytes,
                readDomains, writeDomain, seqnos, String.join(" ", cache), dirty, purgeable, flinkName,
                pinCount, display, globalPin, framebuffer, fenceRegister, bindings, stolenOffset, pinMappable,
                faultMappable, engine, frontbufferBits, unknown, text);
    }
}
