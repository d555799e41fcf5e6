package dev.gemscope.backend.parse.i915;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the part of a describe_obj line after {@code KiB} into blank-separated words and
 * parenthesised groups. Groups nest, because 4.14+ view descriptions such as
 * {@code rotated [(8x8, stride=8, offset=0), (…)]} sit inside the VMA group.
 */
final class TailTokens {

    /**
     * A word or a group.
     *
     * @param text the word, or the group's inner text without its parentheses
     * @param group true for a parenthesised group
     * @param closed false for a group cut off by the end of the text
     */
    record Token(String text, boolean group, boolean closed) {
    }

    private TailTokens() {
    }

    static List<Token> split(String tail) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = tail.length();
        while (i < n) {
            char c = tail.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '(') {
                int depth = 0;
                int j = i;
                while (j < n) {
                    char d = tail.charAt(j);
                    if (d == '(') {
                        depth++;
                    } else if (d == ')' && --depth == 0) {
                        break;
                    }
                    j++;
                }
                boolean closed = j < n;
                tokens.add(new Token(tail.substring(i + 1, Math.min(j, n)), true, closed));
                i = j + 1;
            } else {
                int j = i;
                while (j < n && tail.charAt(j) != ' ' && tail.charAt(j) != '\t' && tail.charAt(j) != '(') {
                    j++;
                }
                tokens.add(new Token(tail.substring(i, j), false, true));
                i = j;
            }
        }
        return tokens;
    }
}
