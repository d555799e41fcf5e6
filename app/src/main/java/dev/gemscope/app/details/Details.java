package dev.gemscope.app.details;

import java.util.ArrayList;
import java.util.List;

/**
 * What the details pane shows for a selection: a title and categorised items.
 *
 * @param title e.g. "dma-buf ino 57"
 * @param items in display order; categories appear in order of first use
 */
public record Details(String title, List<DetailItem> items) {

    public static final Details NONE = new Details("Nothing selected", List.of());

    public Details {
        items = List.copyOf(items);
    }

    /** The value of the first item with that name, or null (for tests and lookups). */
    public String value(String name) {
        return items.stream().filter(i -> i.name().equals(name)).map(DetailItem::value).findFirst().orElse(null);
    }

    /** Categories in order of first appearance. */
    public List<String> categories() {
        List<String> out = new ArrayList<>();
        for (DetailItem i : items) {
            if (!out.contains(i.category())) {
                out.add(i.category());
            }
        }
        return out;
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Collects items; null or empty values are skipped so panes only show what is known. */
    public static final class Builder {
        private final String title;
        private final List<DetailItem> items = new ArrayList<>();
        private String category = "General";

        private Builder(String title) {
            this.title = title;
        }

        public Builder category(String name) {
            this.category = name;
            return this;
        }

        public Builder add(String name, Object value) {
            return add(name, value, "");
        }

        public Builder add(String name, Object value, String description) {
            if (value != null && !String.valueOf(value).isEmpty()) {
                items.add(new DetailItem(category, name, String.valueOf(value), description));
            }
            return this;
        }

        public Details build() {
            return new Details(title, items);
        }
    }
}
