package dev.gemscope.backend.bundle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Consistent pseudonyms per category: the same original always gets the same pseudonym
 * ({@code process-1}, {@code buffer-2}, ...), numbered in the order first seen. This mapping is what
 * makes a redacted bundle readable back on the collecting machine; it never goes into the bundle.
 */
public final class Pseudonyms {

    /** The categories, with the prefix of their pseudonyms. */
    public enum Category {
        PROCESS("process"), CMDLINE("cmdline"), USER("user"), HOST("host"), CLIENT("client"), BUFFER("buffer");

        final String prefix;

        Category(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    private final Map<Category, Map<String, String>> byCategory = new LinkedHashMap<>();

    /** The pseudonym of {@code original}; an empty original stays empty (nothing to hide). */
    public String of(Category category, String original) {
        if (original == null || original.isEmpty()) {
            return original;
        }
        Map<String, String> names = byCategory.computeIfAbsent(category, c -> new LinkedHashMap<>());
        return names.computeIfAbsent(original, o -> category.prefix + "-" + (names.size() + 1));
    }

    /** Original → pseudonym, per category, in the order first seen. */
    public Map<Category, Map<String, String>> mapping() {
        Map<Category, Map<String, String>> copy = new LinkedHashMap<>();
        byCategory.forEach((c, m) -> copy.put(c, Map.copyOf(m)));
        return copy;
    }

    /**
     * Every original and its pseudonym, whatever the category; when one text is in two categories
     * (a command line that is just the process name) the earlier category wins.
     */
    Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            byCategory.getOrDefault(c, Map.of()).forEach(all::putIfAbsent);
        }
        return all;
    }

    public boolean isEmpty() {
        return byCategory.isEmpty();
    }
}
