package dev.gemscope.app.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A command whose standard output is a gemscope stream ({@code gemscope collect --stream}: one
 * snapshot per line). It is run directly, without a shell: {@link #parse} splits a typed command
 * line into words the way a shell would for quotes and backslashes, but pipes, redirections and
 * variables are not interpreted (wrap the command in {@code sh -c '…'} for those).
 *
 * @param argv the program and its arguments
 * @param label what the source bar calls it, e.g. "all processes (pkexec)" or "ssh box …"
 * @param privileged started through pkexec/sudo to see everything
 */
public record StreamCommand(List<String> argv, String label, boolean privileged) {

    public StreamCommand {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("an empty command");
        }
        Objects.requireNonNull(label, "label");
    }

    /** A user-given command line, e.g. {@code ssh box sudo gemscope collect --stream}. */
    public static StreamCommand of(String commandLine) {
        List<String> words = parse(commandLine);
        return new StreamCommand(words, label(words), false);
    }

    /** A short name: the program's file name and the arguments, cut to 60 characters. */
    static String label(List<String> words) {
        String program = words.get(0).substring(words.get(0).lastIndexOf('/') + 1);
        String all = String.join(" ", words.subList(1, words.size()));
        String label = all.isEmpty() ? program : program + " " + all;
        return label.length() <= 60 ? label : label.substring(0, 59) + "…";
    }

    /**
     * Splits a command line into words: blanks separate words; {@code '…'} keeps everything,
     * {@code "…"} keeps everything but {@code \"} and {@code \\}; a backslash outside quotes keeps
     * the next character.
     *
     * @throws IllegalArgumentException for an unterminated quote or an empty command
     */
    public static List<String> parse(String commandLine) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        String s = commandLine == null ? "" : commandLine;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                    word.append(s.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < s.length()) {
                word.append(s.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated " + quote + " quote in: " + s);
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no command given");
        }
        return words;
    }
}
