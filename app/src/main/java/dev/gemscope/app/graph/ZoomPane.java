package dev.gemscope.app.graph;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/** A clipped viewport over a node: drag to pan, scroll (or the buttons) to zoom about the cursor. */
final class ZoomPane extends Pane {

    static final double MIN = 0.05;
    static final double MAX = 4;

    private final Node content;
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private double dragX;
    private double dragY;

    ZoomPane(Node content) {
        this.content = content;
        content.getTransforms().setAll(pan, zoom);
        getChildren().add(content);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setOnMousePressed(e -> {
            dragX = e.getX() - pan.getX();
            dragY = e.getY() - pan.getY();
        });
        setOnMouseDragged(e -> {
            pan.setX(e.getX() - dragX);
            pan.setY(e.getY() - dragY);
        });
        setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                zoomBy(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
                e.consume();
            }
        });
    }

    double scale() {
        return zoom.getX();
    }

    /** Zooms by a factor, keeping the point (px, py) of the viewport still. */
    void zoomBy(double factor, double px, double py) {
        double s = clamp(zoom.getX() * factor);
        double f = s / zoom.getX();
        pan.setX(px - (px - pan.getX()) * f);
        pan.setY(py - (py - pan.getY()) * f);
        zoom.setX(s);
        zoom.setY(s);
    }

    void zoomBy(double factor) {
        zoomBy(factor, getWidth() / 2, getHeight() / 2);
    }

    /** Scales the whole graph into view (never above 100 %), top-left aligned with a margin. */
    void fit(double graphWidth, double graphHeight) {
        if (graphWidth <= 0 || graphHeight <= 0 || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double s = clamp(Math.min(1, Math.min((getWidth() - 16) / graphWidth, (getHeight() - 16) / graphHeight)));
        zoom.setX(s);
        zoom.setY(s);
        pan.setX(Math.max(8, (getWidth() - graphWidth * s) / 2));
        pan.setY(8);
    }

    /** Moves the view so the graph point (x, y) is in the middle, at no less than {@code minScale}. */
    void centerOn(double x, double y, double minScale) {
        if (zoom.getX() < minScale) {
            zoom.setX(minScale);
            zoom.setY(minScale);
        }
        pan.setX(getWidth() / 2 - x * zoom.getX());
        pan.setY(getHeight() / 2 - y * zoom.getY());
    }

    /** Whether the graph point is inside the viewport. */
    boolean shows(double x, double y) {
        Bounds b = getLayoutBounds();
        double vx = pan.getX() + x * zoom.getX();
        double vy = pan.getY() + y * zoom.getY();
        return vx >= 0 && vy >= 0 && vx <= b.getWidth() && vy <= b.getHeight();
    }

    private static double clamp(double s) {
        return Math.max(MIN, Math.min(MAX, s));
    }
}
