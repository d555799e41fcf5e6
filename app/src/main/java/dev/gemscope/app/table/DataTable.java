package dev.gemscope.app.table;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Renders a {@link TableModel}: a filter field with the row count, and a sortable, multi-select
 * table with a context menu (the model's row actions, copy). Enter or a double click runs the first
 * action; Ctrl+C copies the selected rows as tab-separated text.
 */
public final class DataTable<R> extends VBox {

    private final TableModel<R> model;
    private final TableView<R> table = new TableView<>();
    private final TextField filter = new TextField();

    public DataTable(TableModel<R> model, String id) {
        this.model = model;
        setId(id);
        getStyleClass().add("data-table");
        filter.setId(id + "-filter");
        filter.setPromptText("Filter " + model.noun() + " (words; column=text, e.g. pid=2301)");
        filter.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Label count = new Label();
        count.setId(id + "-count");
        count.getStyleClass().add("row-count");
        count.textProperty().bind(model.countTextProperty());
        count.setMinWidth(Label.USE_PREF_SIZE);
        HBox bar = new HBox(8, filter, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));

        table.setId(id + "-table");
        for (Column<R> c : model.columns()) {
            table.getColumns().add(column(c));
        }
        SortedList<R> sorted = new SortedList<>(model.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                model.selectedProperty().set(r);
            }
        });
        model.selectionRequestProperty().addListener((o, a, r) -> {
            if (r != null) {
                table.getSelectionModel().clearSelection();
                table.getSelectionModel().select(r);
                int i = table.getItems().indexOf(r);
                if (i >= 0) {
                    table.scrollTo(Math.max(0, i - 3));
                }
            }
        });
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(640);
        placeholder.getStyleClass().add("empty-state");
        placeholder.textProperty().bind(Bindings.when(Bindings.isEmpty(model.rows()))
                .then(model.emptyTextProperty()).otherwise("No " + model.noun() + " match the filter."));
        table.setPlaceholder(placeholder);
        table.setRowFactory(t -> row());
        table.focusedProperty().addListener((o, was, focused) -> {
            if (focused) {
                model.refocused();
            }
        });
        // Wide tables (GEM objects has 11 columns) scroll sideways at 1280 px: the header's "+" menu lets
        // users hide the columns they do not need instead.
        table.setTableMenuButtonVisible(true);
        table.setContextMenu(contextMenu());
        table.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copySelection();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                runDefaultAction(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                    table.getSelectionModel().select(0);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                filter.clear();
            }
        });
        model.highlightProperty().addListener((o, a, h) -> {
            table.refresh();
            if (h != null) {
                // New rows flash briefly, then look like the rest.
                javafx.animation.PauseTransition fade = new javafx.animation.PauseTransition(
                        javafx.util.Duration.millis(model.flashMillis()));
                fade.setOnFinished(e -> {
                    if (model.highlightProperty().get() == h) {
                        model.highlightProperty().set(null);
                    }
                });
                fade.play();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
    }

    private TableColumn<R, R> column(Column<R> c) {
        TableColumn<R, R> col = new TableColumn<>(c.title());
        col.setPrefWidth(c.width());
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        col.setComparator(c.comparator());
        col.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(R item, boolean empty) {
                super.updateItem(item, empty);
                String text = empty || item == null ? null : c.text().apply(item);
                setText(text);
                setTooltip(text != null && text.length() * 7 > col.getWidth() ? new Tooltip(text) : null);
            }
        });
        if (c.numeric()) {
            col.getStyleClass().add("numeric");
        }
        return col;
    }

    private TableRow<R> row() {
        TableRow<R> row = new TableRow<>() {
            @Override
            protected void updateItem(R item, boolean empty) {
                super.updateItem(item, empty);
                var h = model.highlightProperty().get();
                boolean fresh = !empty && item != null && h != null && h.test(item);
                if (fresh && !getStyleClass().contains("fresh")) {
                    getStyleClass().add("fresh");
                } else if (!fresh) {
                    getStyleClass().remove("fresh");
                }
            }
        };
        row.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                runDefaultAction(row.getItem());
            }
        });
        return row;
    }

    private ContextMenu contextMenu() {
        ContextMenu menu = new ContextMenu();
        menu.setOnShowing(e -> {
            menu.getItems().clear();
            R r = table.getSelectionModel().getSelectedItem();
            for (RowAction<R> a : model.actions()) {
                MenuItem item = new MenuItem(a.label());
                item.setDisable(r == null || !a.enabled().test(r));
                item.setOnAction(x -> a.action().accept(r));
                menu.getItems().add(item);
            }
            if (!menu.getItems().isEmpty()) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            MenuItem copy = new MenuItem("Copy rows");
            copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
            copy.setDisable(r == null);
            copy.setOnAction(x -> copySelection());
            menu.getItems().add(copy);
        });
        menu.getItems().add(new MenuItem("Copy rows"));
        return menu;
    }

    private void runDefaultAction(R r) {
        for (RowAction<R> a : model.actions()) {
            if (a.enabled().test(r)) {
                a.action().accept(r);
                return;
            }
        }
    }

    /** Copies the selected rows (tab-separated, with a header) to the clipboard. */
    public void copySelection() {
        List<R> rows = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        if (rows.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(model.copyText(rows));
        Clipboard.getSystemClipboard().setContent(content);
    }

    public TableView<R> table() {
        return table;
    }

    public TextField filterField() {
        return filter;
    }

    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }
}
