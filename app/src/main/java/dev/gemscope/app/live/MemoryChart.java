package dev.gemscope.app.live;

import javafx.beans.binding.BooleanExpression;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A small line chart of memory over time (MiB against seconds); live mode only. */
public final class MemoryChart extends VBox {

    private final MemoryHistory history;
    private final LineChart<Number, Number> chart;

    public MemoryChart(MemoryHistory history, BooleanExpression live) {
        this.history = history;
        setId("memory-chart");
        NumberAxis x = new NumberAxis();
        x.setLabel("seconds");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("MiB");
        chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        chart.setPrefHeight(230);
        chart.setMinHeight(160);
        chart.getStyleClass().add("memory-chart");
        Label changes = new Label();
        changes.setId("memory-changes");
        changes.textProperty().bind(history.changeTextProperty());
        changes.setWrapText(true);
        changes.setMinHeight(Region.USE_PREF_SIZE);
        changes.getStyleClass().add("device-totals");
        Label off = new Label("Live mode only: memory over time is drawn while collecting from this machine, "
                + "a tree or a stream. A capture is one moment; use Compare… for two.");
        off.setWrapText(true);
        off.setMinHeight(Region.USE_PREF_SIZE);
        off.getStyleClass().add("device-totals");
        chart.visibleProperty().bind(live);
        chart.managedProperty().bind(live);
        changes.visibleProperty().bind(live);
        changes.managedProperty().bind(live);
        off.visibleProperty().bind(live.not());
        off.managedProperty().bind(live.not());
        setSpacing(2);
        getChildren().addAll(changes, chart, off);
        history.samples().addListener((ListChangeListener<MemoryHistory.Sample>) c -> redraw());
    }

    private void redraw() {
        chart.getData().clear();
        for (String name : history.series()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(name);
            for (MemoryHistory.Sample sample : history.samples()) {
                Long v = sample.bytes().get(name);
                if (v != null) {
                    s.getData().add(new XYChart.Data<>(sample.seconds(), v / (1024.0 * 1024.0)));
                }
            }
            chart.getData().add(s);
        }
    }

    public LineChart<Number, Number> chart() {
        return chart;
    }
}
