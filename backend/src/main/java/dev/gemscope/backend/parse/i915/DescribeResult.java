package dev.gemscope.backend.parse.i915;

import java.util.List;
import java.util.Optional;

import dev.gemscope.backend.parse.ParseWarning;

/**
 * Outcome of parsing one {@code describe_obj()} text: the object when its fixed head (pointer, flags,
 * size, domains) could be read, plus warnings for anything only partly understood.
 *
 * @param object the parsed object, empty when the text was not a describe_obj line
 * @param warnings what could not be used
 */
public record DescribeResult(Optional<DescribedObject> object, List<ParseWarning> warnings) {

    public DescribeResult {
        warnings = List.copyOf(warnings);
    }
}
