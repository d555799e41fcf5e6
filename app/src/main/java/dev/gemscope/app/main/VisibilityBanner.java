package dev.gemscope.app.main;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The visibility banner: one line when everything was seen; the gaps and the remedy when not. */
final class VisibilityBanner extends VBox {

    VisibilityBanner(VisibilityViewModel vm) {
        setId("visibility-banner");
        getStyleClass().add("visibility-banner");
        Label headline = new Label();
        headline.setId("visibility-headline");
        headline.textProperty().bind(vm.headlineProperty());
        headline.setWrapText(true);
        headline.getStyleClass().add("visibility-headline");
        ToggleButton more = new ToggleButton("Details");
        more.setId("visibility-more");
        more.setSelected(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, headline, spacer, more);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox lines = new VBox(2);
        lines.setId("visibility-issues");
        lines.setPadding(new Insets(2, 0, 0, 16));
        vm.issues().addListener((ListChangeListener<String>) c -> {
            lines.getChildren().setAll(vm.issues().stream().map(s -> {
                Label l = new Label("• " + s);
                l.setWrapText(true);
                return l;
            }).toList());
        });
        lines.visibleProperty().bind(more.selectedProperty().and(vm.completeProperty().not()));
        lines.managedProperty().bind(lines.visibleProperty());
        more.visibleProperty().bind(vm.completeProperty().not());
        more.managedProperty().bind(more.visibleProperty());
        vm.completeProperty().addListener((o, a, full) -> style(full));
        style(vm.completeProperty().get());
        setPadding(new Insets(4, 10, 4, 10));
        getChildren().addAll(top, lines);
    }

    private void style(boolean full) {
        getStyleClass().removeAll("visibility-complete", "visibility-partial");
        getStyleClass().add(full ? "visibility-complete" : "visibility-partial");
    }
}
