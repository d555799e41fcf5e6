package dev.gemscope.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --screenshot FILE} (or {@code --screenshot=FILE}): once the first snapshot is on screen,
 * write the window as a PNG to FILE and quit. For the package smoke test, which starts the installed
 * GUI under Xvfb; the option is taken out of the arguments before they are read as FILE or --root.
 *
 * @param file where the PNG goes, if asked for
 * @param rest the other arguments, in order
 */
public record ScreenshotOption(Optional<Path> file, List<String> rest) {

    public static final String NAME = "--screenshot";

    /** Splits the option off; a trailing {@code --screenshot} with no FILE is an error. */
    public static ScreenshotOption parse(List<String> args) {
        Path file = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(NAME)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(NAME + " needs a FILE");
                }
                file = Path.of(args.get(++i));
            } else if (a.startsWith(NAME + "=")) {
                file = Path.of(a.substring(NAME.length() + 1));
            } else {
                rest.add(a);
            }
        }
        return new ScreenshotOption(Optional.ofNullable(file), List.copyOf(rest));
    }
}
