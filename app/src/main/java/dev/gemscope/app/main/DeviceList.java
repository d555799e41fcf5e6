package dev.gemscope.app.main;

import dev.gemscope.app.devices.DeviceRow;
import dev.gemscope.app.devices.DevicesViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The device list: "All devices" and each DRM device with its nodes, PCI id and totals. */
final class DeviceList extends ListView<DeviceRow> {

    DeviceList(DevicesViewModel vm) {
        super(vm.rows());
        setId("devices");
        getStyleClass().add("device-list");
        setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DeviceRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label title = new Label(row.title());
                title.getStyleClass().add("device-title");
                Label nodes = new Label(row.nodes());
                Label totals = new Label(row.totals());
                totals.getStyleClass().add("device-totals");
                VBox box = new VBox(1, title, nodes, totals);
                for (Label l : new Label[] {title, nodes, totals}) {
                    l.setWrapText(true);
                    l.setMinHeight(Region.USE_PREF_SIZE);
                }
                box.prefWidthProperty().bind(getListView().widthProperty().subtract(28));
                box.maxWidthProperty().bind(box.prefWidthProperty());
                setGraphic(box);
                setText(null);
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && r != vm.selectedProperty().get()) {
                vm.selectedProperty().set(r);
            }
        });
        vm.selectedProperty().addListener((o, a, r) -> {
            if (r != getSelectionModel().getSelectedItem()) {
                getSelectionModel().select(r);
            }
        });
    }
}
