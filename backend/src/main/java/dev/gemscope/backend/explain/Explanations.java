package dev.gemscope.backend.explain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The knowledge base: entries from {@code explanations.json} next to this class. The most specific
 * matching entry wins (the one that constrains the most of driver, backing and kernel era); among
 * equally specific entries the first in the file wins.
 */
public final class Explanations {

    private static final String RESOURCE = "explanations.json";

    private final List<ExplanationEntry> entries;

    public Explanations(List<ExplanationEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The entries shipped with gemscope. */
    public static Explanations builtIn() {
        ObjectMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = Explanations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new Explanations(List.of(json.readValue(in, ExplanationEntry[].class)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public List<ExplanationEntry> entries() {
        return entries;
    }

    public Optional<Explanation> explain(FailureContext failure) {
        ExplanationEntry best = null;
        for (ExplanationEntry e : entries) {
            // Strictly greater: among equally specific entries the first in the file stays.
            if (e.matches(failure) && (best == null || e.specificity() > best.specificity())) {
                best = e;
            }
        }
        return Optional.ofNullable(best).map(ExplanationEntry::explanation);
    }
}
