package dev.gemscope.backend.parse.i915;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One GEM object as printed by i915 {@code describe_obj()} in a debugfs list or inside another line
 * (framebuffer, fence register, context status).
 *
 * <p><b>Merging:</b> the same object appears in several files ({@code i915_gem_gtt},
 * {@code i915_gem_active}, {@code i915_gem_pinned}, {@code i915_gem_framebuffer} …). {@link #source()},
 * {@link #list()} and {@link #section()} say where this copy came from, and {@link #mergeKey()} is the
 * pointer text, which is the same for one object in every file read during one boot (raw on 3.x,
 * hashed by {@code %pK} on ≈4.15+). When {@code kptr_restrict} hides pointers they print as all zeros
 * ({@link #pointerHidden()}), and then there is no key: a collector must not merge on pointer text and
 * can only match heuristically (flink name, size, GTT offsets).
 *
 * @param source what was parsed, as given to the parser (usually the debugfs path)
 * @param list the file name part of {@code source}, e.g. {@code i915_gem_gtt}
 * @param section header the object was listed under ({@code Active}, {@code Inactive}, {@code Stolen},
 *     {@code fbcon}, {@code user} …), empty when the file has none
 * @param line 1-based line number in the parsed text
 * @param format the layout this line was recognised as
 * @param pointer pointer text before the first {@code ": "}
 * @param pointerHidden the pointer is all zeros ({@code kptr_restrict})
 * @param flags decoded flag characters
 * @param sizeKiB object size in KiB as printed ({@code base.size / 1024})
 * @param sizeBytes {@code sizeKiB * 1024}, empty if that does not fit in a signed long
 * @param readDomains GEM read domains bit mask
 * @param writeDomain GEM write domain bit mask
 * @param seqnos sequence numbers (3.x and 4.8 layouts only)
 * @param cacheLevel cache text without its leading blank ({@code uncached}, {@code snooped (LLC)},
 *     {@code LLC}, {@code WB (1-Way Coh)}, {@code not defined} …); empty when none was printed
 * @param dirty {@code dirty} was printed
 * @param purgeable {@code purgeable} was printed ({@code madv == DONTNEED})
 * @param flinkName {@code (name: %d)}: the global flink name, present only for flinked objects
 * @param pinCount {@code (pinned x %d)}: pin count (3.10: only when non-zero; 4.8+: always printed)
 * @param display {@code (display)}: pinned for scan-out ({@code pin_display}; 3.13-era and 4.8 layouts, not 3.10)
 * @param globalPin {@code (global)}: globally pinned ({@code pin_global}, the renamed display pin; 4.19, ≈5.3)
 * @param framebuffer {@code (fb)}: backs a framebuffer (5.x; not in 4.19 or the ≈5.3 layout)
 * @param fenceRegister {@code (fence: %d)}: object-level fence register (3.x, 4.8; 4.19+ print it per VMA)
 * @param bindings every {@code (… offset: …)} group, in printed order
 * @param stolenOffset {@code (stolen: %08llx)}: offset inside stolen memory
 * @param pinMappable {@code p} in {@code (p|f|pf mappable)}
 * @param faultMappable {@code f} in {@code (p|f|pf mappable)}
 * @param engine {@code (<name>)}: ring/engine of the last rendering, read or write, depending on era
 * @param frontbufferBits {@code (frontbuffer: 0x%03x)} (≈3.18 – ≈5.3; 4.8 and 4.19 read)
 * @param unknownSuffixes groups or words that were not understood (each also produced a warning)
 * @param text the describe_obj text this was parsed from, without list indentation
 */
public record DescribedObject(String source, String list, Optional<String> section, int line,
        DescribeFormat format, String pointer, boolean pointerHidden, ObjectFlags flags, long sizeKiB,
        OptionalLong sizeBytes, long readDomains, long writeDomain, Seqnos seqnos, String cacheLevel,
        boolean dirty, boolean purgeable, OptionalLong flinkName, OptionalLong pinCount, boolean display,
        boolean globalPin, boolean framebuffer, OptionalLong fenceRegister, List<VmaBinding> bindings,
        OptionalLong stolenOffset, boolean pinMappable, boolean faultMappable, Optional<String> engine,
        OptionalLong frontbufferBits, List<String> unknownSuffixes, String text) {

    public DescribedObject {
        bindings = List.copyOf(bindings);
        unknownSuffixes = List.copyOf(unknownSuffixes);
    }

    /** The pointer text when it identifies the object, empty when {@code kptr_restrict} zeroed it. */
    public Optional<String> mergeKey() {
        return pointerHidden ? Optional.empty() : Optional.of(pointer);
    }
}
