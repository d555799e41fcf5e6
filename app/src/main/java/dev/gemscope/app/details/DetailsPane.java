package dev.gemscope.app.details;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;

/**
 * The details pane: a title and a ControlsFX {@link PropertySheet} of the selection's properties,
 * grouped by category in the order the {@link Details} gives them. Values are read-only but
 * selectable text, so they can be copied.
 */
public final class DetailsPane extends VBox {

    private final Label title = new Label();
    private final PropertySheet sheet = new PropertySheet();
    private List<String> categoryOrder = List.of();

    public DetailsPane(ObservableValue<Details> details) {
        setId("details");
        getStyleClass().add("details-pane");
        title.getStyleClass().add("details-title");
        title.setId("details-title");
        title.setWrapText(true);
        title.setPadding(new Insets(6, 8, 4, 8));
        sheet.setId("details-sheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(true);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setCategoryComparator(Comparator.comparingInt(c -> {
            int i = categoryOrder.indexOf(c);
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        sheet.setPropertyEditorFactory(item -> new ReadOnlyEditor(item));
        VBox.setVgrow(sheet, Priority.ALWAYS);
        getChildren().addAll(title, sheet);
        details.addListener((o, a, d) -> show(d));
        show(details.getValue());
    }

    private void show(Details d) {
        Details shown = d == null ? Details.NONE : d;
        title.setText(shown.title());
        categoryOrder = shown.categories();
        sheet.getItems().setAll(shown.items().stream().map(Item::new).toList());
    }

    public PropertySheet sheet() {
        return sheet;
    }

    /** A detail as a property-sheet item. */
    private static final class Item implements PropertySheet.Item {
        private final DetailItem detail;

        Item(DetailItem detail) {
            this.detail = detail;
        }

        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return detail.category();
        }

        @Override
        public String getName() {
            return detail.name();
        }

        @Override
        public String getDescription() {
            return detail.description().isEmpty() ? detail.name() + ": " + detail.value() : detail.description();
        }

        @Override
        public Object getValue() {
            return detail.value();
        }

        @Override
        public void setValue(Object value) {
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }

        @Override
        public boolean isEditable() {
            // The editor is a non-editable text field; "editable" only stops the sheet from greying it out.
            return true;
        }
    }

    /** A non-editable but selectable text field, so values stay readable (not greyed out) and copyable. */
    private static final class ReadOnlyEditor extends AbstractPropertyEditor<Object, TextField> {
        ReadOnlyEditor(PropertySheet.Item item) {
            super(item, field(item), true);
        }

        private static TextField field(PropertySheet.Item item) {
            TextField f = new TextField(String.valueOf(item.getValue()));
            f.setEditable(false);
            f.getStyleClass().add("detail-value");
            return f;
        }

        @Override
        protected ObservableValue<Object> getObservableValue() {
            return new javafx.beans.property.SimpleObjectProperty<>(getProperty().getValue());
        }

        @Override
        public void setValue(Object value) {
            getEditor().setText(String.valueOf(value));
        }
    }
}
