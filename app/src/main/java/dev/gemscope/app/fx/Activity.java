package dev.gemscope.app.fx;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The background work in flight, as the status bar shows it: a message and a progress (-1 for
 * indeterminate). Written only on the FX thread by the executor.
 */
public final class Activity {

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private int running;

    void begin(String title) {
        running++;
        busy.set(true);
        message.set(title);
        progress.set(-1);
    }

    void update(String text, double fraction) {
        if (running > 0) {
            if (text != null && !text.isEmpty()) {
                message.set(text);
            }
            progress.set(fraction);
        }
    }

    void end() {
        running = Math.max(0, running - 1);
        if (running == 0) {
            busy.set(false);
            message.set("");
            progress.set(0);
        }
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
