package dev.gemscope.app.details;

/**
 * One line of the details pane.
 *
 * @param category group heading, e.g. "General", "Evidence", "i915"
 * @param name the property name
 * @param value its value as text
 * @param description tooltip: where it comes from or what it means; may be empty
 */
public record DetailItem(String category, String name, String value, String description) {

    public DetailItem {
        value = value == null ? "" : value;
        description = description == null ? "" : description;
    }
}
