package dev.gemscope.app.devices;

import dev.gemscope.app.index.SnapshotIndex;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The device list: "All devices" and one entry per DRM device. Selecting one narrows the tables. */
public final class DevicesViewModel {

    private final ObservableList<DeviceRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<DeviceRow> selected = new SimpleObjectProperty<>(this, "selected");

    /** Rows for a snapshot; thread-safe, run in the background. */
    public static List<DeviceRow> prepare(SnapshotIndex index) {
        List<DeviceRow> list = new ArrayList<>();
        list.add(DeviceRow.all(index));
        index.snapshot().devices().forEach(d -> list.add(DeviceRow.of(d, index)));
        return List.copyOf(list);
    }

    public void show(SnapshotIndex index) {
        show(prepare(index));
    }

    public void show(List<DeviceRow> list) {
        String previous = selected.get() == null ? null : selected.get().deviceId();
        rows.setAll(list);
        selected.set(list.stream().filter(r -> java.util.Objects.equals(r.deviceId(), previous)).findFirst()
                .orElse(list.get(0)));
    }

    public ObservableList<DeviceRow> rows() {
        return rows;
    }

    public ObjectProperty<DeviceRow> selectedProperty() {
        return selected;
    }

    /** The selected device's id, or null for all. */
    public String selectedDeviceId() {
        return selected.get() == null ? null : selected.get().deviceId();
    }
}
