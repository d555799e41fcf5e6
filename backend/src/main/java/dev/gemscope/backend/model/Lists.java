package dev.gemscope.backend.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Null-tolerant immutable copies: snapshot files written by older versions may lack a list. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
