package dev.gemscope.backend.parse.drm;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.ParseWarning;

/**
 * Parses debugfs {@code /sys/kernel/debug/dri/<n>/gem_names}: the GEM objects that have a global
 * flink name. PRIME-only and unnamed objects are not listed; core DRM has no generic listing of all
 * GEM objects.
 *
 * <p>Producer: {@code drivers/gpu/drm/drm_debugfs.c: drm_gem_name_info()} (3.x: {@code drm_info.c}),
 * present only for DRIVER_GEM drivers. Header {@code "  name     size handles refcount"}, then one
 * {@code "%6d %8zd %7d %8d"} row per object: flink name, size in bytes, handle count (across all
 * files), kref refcount. Stable from 3.x to 7.3.
 *
 * <p>Old trees (seen in 3.6 and in a later 3.x tree) also print a {@code "name %d size %zd"} line before each row,
 * so every object appears twice; such a line is merged with the row that follows it for the same
 * name, and kept on its own (without handle and reference counts) when no row follows.
 */
public final class GemNamesParser {

    private GemNamesParser() {
    }

    /** Which line shapes the text contained. */
    public enum Form {
        /** No objects and no header. */
        EMPTY,
        /** Header and table rows only (all kernels since about 3.14). */
        TABLE,
        /** 3.x: a {@code name N size S} line before each table row. */
        TABLE_WITH_NAME_SIZE_LINES,
        /** Only {@code name N size S} lines. */
        NAME_SIZE_ONLY
    }

    /**
     * One flinked GEM object.
     *
     * @param name the global flink name (what DRM_IOCTL_GEM_OPEN takes)
     * @param size size in bytes
     * @param handleCount GEM handles to the object across all DRM files; empty for a lone name/size line
     * @param refcount kernel references to the object; empty for a lone name/size line
     */
    public record GemName(long name, long size, OptionalLong handleCount, OptionalLong refcount) {
    }

    /**
     * The parsed file.
     *
     * @param form the line shapes found
     * @param objects the objects in kernel (idr) order
     * @param warnings lines not understood
     */
    public record GemNames(Form form, List<GemName> objects, List<ParseWarning> warnings) {
        public GemNames {
            objects = List.copyOf(objects);
            warnings = List.copyOf(warnings);
        }
    }

    /** Parses the text of a {@code gem_names} file; never throws. */
    public static GemNames parse(String text, String source) {
        List<ParseWarning> warnings = new ArrayList<>();
        List<String> lines = DrmText.completeLines(text, source, warnings);
        List<GemName> objects = new ArrayList<>();
        GemName pending = null;
        boolean header = false;
        int rows = 0;
        int nameSizeLines = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            List<String> t = DrmText.tokens(line);
            if (t.isEmpty()) {
                continue;
            }
            if (t.equals(List.of("name", "size", "handles", "refcount"))) {
                header = true;
                continue;
            }
            if (t.size() == 4 && t.get(0).equals("name") && t.get(2).equals("size")) {
                OptionalLong name = Numbers.decimal(t.get(1));
                OptionalLong size = Numbers.decimal(t.get(3));
                if (name.isPresent() && size.isPresent()) {
                    if (pending != null) {
                        objects.add(pending);
                    }
                    pending = new GemName(name.getAsLong(), size.getAsLong(), OptionalLong.empty(),
                            OptionalLong.empty());
                    nameSizeLines++;
                    continue;
                }
            } else if (t.size() == 4 && DrmText.allDecimal(t)) {
                GemName row = new GemName(Numbers.decimal(t.get(0)).getAsLong(),
                        Numbers.decimal(t.get(1)).getAsLong(), Numbers.decimal(t.get(2)), Numbers.decimal(t.get(3)));
                if (pending != null && pending.name() != row.name()) {
                    objects.add(pending);
                }
                pending = null;
                objects.add(row);
                rows++;
                continue;
            }
            warnings.add(new ParseWarning(source, i + 1, line, "not a gem_names row"));
        }
        if (pending != null) {
            objects.add(pending);
        }
        return new GemNames(form(header, rows, nameSizeLines), objects, warnings);
    }

    private static Form form(boolean header, int rows, int nameSizeLines) {
        if (nameSizeLines > 0) {
            return rows > 0 ? Form.TABLE_WITH_NAME_SIZE_LINES : Form.NAME_SIZE_ONLY;
        }
        return header || rows > 0 ? Form.TABLE : Form.EMPTY;
    }
}
