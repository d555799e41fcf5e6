package dev.gemscope.backend.parse.drm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gemscope.backend.parse.ParseWarning;

/**
 * Parses debugfs {@code /sys/kernel/debug/dri/<n>/name}.
 *
 * <p>Producer: {@code drivers/gpu/drm/drm_debugfs.c: drm_name_info()} (3.x: {@code drm_info.c}).
 * Two layouts exist, told apart by the {@code key=} words:
 * <ul>
 *   <li>{@link Form#KEYED} (4.x … 7.3, verified 5.10–7.3): {@code %s} driver name, then optionally
 *       {@code " dev=%s"} ({@code dev_name()} of the parent, e.g. a PCI address), {@code " master=%s"}
 *       (the current master's unique, legacy SET_UNIQUE), {@code " unique=%s"} ({@code dev->unique}),
 *       then a newline. Example: {@code i915 dev=0000:00:02.0 unique=0000:00:02.0}.</li>
 *   <li>{@link Form#POSITIONAL} (3.x): {@code "%s %s %s\n"} or {@code "%s %s\n"}: a first word, then
 *       {@code dev_name()}, then the master's unique when set. The first word is the driver name in
 *       later 3.x trees but the <em>bus</em> name ({@code pci}, {@code platform}, from
 *       {@code dev->driver->bus->get_name()}) in older ones such as 3.6; it is exposed as
 *       {@link DriName#driver()} either way.</li>
 * </ul>
 * Some kernels print nothing at all while no master is open ({@code if (!master) return 0}):
 * {@link Form#EMPTY}. The exact release where the keyed form replaced the positional one was not
 * pinned (between 3.6 and 4.8).
 */
public final class DriNameParser {

    /** A {@code key=} word that starts a new field; values run until the next such word. */
    private static final Pattern KEY = Pattern.compile("(?:^|[ \\t])(dev|master|unique)=");

    private DriNameParser() {
    }

    /** The layout the text was written in. */
    public enum Form {
        /** No line at all (no master open on some kernels, or an empty capture). */
        EMPTY,
        /** {@code driver [dev=…] [master=…] [unique=…]}. */
        KEYED,
        /** 3.x {@code bus-or-driver dev_name [master-unique]}. */
        POSITIONAL
    }

    /**
     * The parsed name file.
     *
     * @param form the detected layout
     * @param driver the driver name (in old 3.x positional text possibly the bus name); empty if none
     * @param dev {@code dev_name()} of the parent device, e.g. {@code 0000:00:02.0}
     * @param master the current master's unique string (legacy; rarely present)
     * @param unique {@code dev->unique}, which also names the device-centred debugfs directory (6.7+)
     * @param warnings lines not understood
     */
    public record DriName(Form form, String driver, Optional<String> dev, Optional<String> master,
            Optional<String> unique, List<ParseWarning> warnings) {
        public DriName {
            warnings = List.copyOf(warnings);
        }
    }

    /** Parses the text of a {@code name} file; never throws. */
    public static DriName parse(String text, String source) {
        List<ParseWarning> warnings = new ArrayList<>();
        List<String> lines = DrmText.completeLines(text, source, warnings);
        String first = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (first == null) {
                first = line;
            } else {
                warnings.add(new ParseWarning(source, i + 1, line, "unexpected extra line"));
            }
        }
        if (first == null) {
            return new DriName(Form.EMPTY, "", Optional.empty(), Optional.empty(), Optional.empty(), warnings);
        }
        Matcher m = KEY.matcher(first);
        if (m.find()) {
            return keyed(first, m, warnings);
        }
        List<String> words = DrmText.tokens(first);
        if (words.size() == 1) {
            // A driver without a parent device and without a unique: only possible in the keyed form.
            return new DriName(Form.KEYED, words.get(0), Optional.empty(), Optional.empty(), Optional.empty(),
                    warnings);
        }
        if (words.size() > 3) {
            warnings.add(new ParseWarning(source, 1, first, "more words than the positional form has"));
        }
        return new DriName(Form.POSITIONAL, words.get(0), Optional.of(words.get(1)),
                words.size() > 2 ? Optional.of(words.get(2)) : Optional.empty(), Optional.empty(), warnings);
    }

    private static DriName keyed(String line, Matcher m, List<ParseWarning> warnings) {
        String driver = line.substring(0, m.start()).trim();
        Optional<String> dev = Optional.empty();
        Optional<String> master = Optional.empty();
        Optional<String> unique = Optional.empty();
        String key = m.group(1);
        int valueStart = m.end();
        while (key != null) {
            String nextKey = null;
            int valueEnd = line.length();
            int nextStart = line.length();
            if (m.find()) {
                nextKey = m.group(1);
                valueEnd = m.start();
                nextStart = m.end();
            }
            Optional<String> value = Optional.of(line.substring(valueStart, valueEnd).strip());
            switch (key) {
                case "dev" -> dev = value;
                case "master" -> master = value;
                default -> unique = value;
            }
            key = nextKey;
            valueStart = nextStart;
        }
        return new DriName(Form.KEYED, driver, dev, master, unique, warnings);
    }
}
