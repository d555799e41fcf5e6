package dev.gemscope.app.details;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;

/**
 * The details pane: a title, a search field and one ControlsFX {@link PropertySheet} per category
 * of the selection's {@link Details}, all expanded at once and in the order the details give them
 * (the sheet's own category mode is an accordion that shows one category at a time and sorts them).
 * Values are read-only but selectable text, so they can be copied.
 */
public final class DetailsPane extends VBox {

    private final Label title = new Label();
    private final TextField search = new TextField();
    private final VBox sections = new VBox();
    private Details shown = Details.NONE;

    public DetailsPane(ObservableValue<Details> details) {
        setId("details");
        getStyleClass().add("details-pane");
        title.getStyleClass().add("details-title");
        title.setId("details-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.setPadding(new Insets(6, 8, 4, 8));
        search.setPromptText("Search details");
        search.setId("details-search");
        search.textProperty().addListener((o, a, b) -> render());
        VBox.setMargin(search, new Insets(0, 6, 4, 6));
        sections.setId("details-sections");
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, search, scroll);
        details.addListener((o, a, d) -> show(d));
        show(details.getValue());
    }

    private void show(Details d) {
        shown = d == null ? Details.NONE : d;
        title.setText(shown.title());
        render();
    }

    private void render() {
        String q = search.getText() == null ? "" : search.getText().trim().toLowerCase(Locale.ROOT);
        sections.getChildren().clear();
        for (String category : shown.categories()) {
            List<DetailItem> items = shown.items().stream().filter(i -> i.category().equals(category))
                    .filter(i -> q.isEmpty() || (i.name() + " " + i.value()).toLowerCase(Locale.ROOT).contains(q))
                    .toList();
            if (items.isEmpty()) {
                continue;
            }
            PropertySheet sheet = new PropertySheet();
            sheet.getStyleClass().add("details-sheet");
            sheet.setModeSwitcherVisible(false);
            sheet.setSearchBoxVisible(false);
            sheet.setMode(PropertySheet.Mode.NAME);
            sheet.setPropertyEditorFactory(ReadOnlyEditor::new);
            sheet.getItems().setAll(items.stream().map(Item::new).toList());
            sheet.setMinHeight(Region.USE_PREF_SIZE);
            TitledPane pane = new TitledPane(category, sheet);
            pane.setAnimated(false);
            sections.getChildren().add(pane);
        }
    }

    /** The sheets on show, one per category (for tests). */
    public List<PropertySheet> sheets() {
        return sections.getChildren().stream().map(n -> (PropertySheet) ((TitledPane) n).getContent()).toList();
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
            return detail.description().isEmpty() ? detail.value() : detail.description() + "\n" + detail.value();
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

    /**
     * A read-only value: a wrapping label (long evidence rules stay readable in a narrow pane) with
     * a tooltip and a "Copy" menu.
     */
    private static final class ReadOnlyEditor extends AbstractPropertyEditor<Object, Label> {
        static final double VALUE_WIDTH = 130;

        ReadOnlyEditor(PropertySheet.Item item) {
            super(item, label(item), true);
        }

        private static Label label(PropertySheet.Item item) {
            String text = String.valueOf(item.getValue());
            Label l = new Label(text);
            l.setWrapText(true);
            // A wrapping label reports its one-line height unless it has a width to wrap at; the
            // sheet sizes its rows from preferred sizes, so every value gets one no wider than the
            // narrowest value column, and rows are never too short for their text.
            l.setPrefWidth(VALUE_WIDTH);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setMaxWidth(Double.MAX_VALUE);
            l.getStyleClass().add("detail-value");
            l.setTooltip(new Tooltip(item.getDescription()));
            MenuItem copy = new MenuItem("Copy");
            copy.setOnAction(e -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(text);
                Clipboard.getSystemClipboard().setContent(c);
            });
            l.setContextMenu(new ContextMenu(copy));
            return l;
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
