package dev.gemscope.backend.cli;

/** Input the CLI cannot use (missing root, unreadable snapshot); exit code 2 with this message. */
final class InputException extends RuntimeException {
    InputException(String message) {
        super(message);
    }
}
