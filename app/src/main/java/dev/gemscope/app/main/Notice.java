package dev.gemscope.app.main;

/**
 * A message for the user, shown as a notification bar (never a stack trace).
 *
 * @param level how it looks
 * @param text one or two sentences
 */
public record Notice(Level level, String text) {

    /** Severity. */
    public enum Level { INFO, WARNING, ERROR }

    public static Notice info(String text) {
        return new Notice(Level.INFO, text);
    }

    public static Notice error(String text) {
        return new Notice(Level.ERROR, text);
    }
}
