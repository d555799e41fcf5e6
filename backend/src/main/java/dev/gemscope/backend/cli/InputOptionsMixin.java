package dev.gemscope.backend.cli;

import picocli.CommandLine.ArgGroup;

/** Adds {@code --root DIR | --snapshot FILE} to a command. */
final class InputOptionsMixin {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    InputOptions options = new InputOptions();
}
