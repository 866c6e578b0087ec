package org.braid.ui.controller;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.braid.capture.CaptureInterface;
import org.braid.capture.CaptureSettings;

/**
 * Capture > Start Capture: the interfaces (name, description, addresses), the capture filter, the
 * snaplen, promiscuous mode and an optional pcapng file to save to as the capture runs.
 */
final class CaptureDialog {
    private static final int MIN_SNAPLEN = 64;
    private static final int MAX_SNAPLEN = 262_144;

    private CaptureDialog() {}

    /** The settings chosen, or empty when cancelled or no interface was picked. */
    static Optional<CaptureSettings> ask(Window owner, List<CaptureInterface> interfaces) {
        Dialog<CaptureSettings> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Start Capture");
        dialog.setHeaderText("Capture packets on an interface; they are analysed as they arrive.");
        ButtonType start = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);

        ListView<CaptureInterface> list = new ListView<>();
        list.setId("captureInterfaces");
        list.getItems().setAll(interfaces);
        list.setPrefHeight(180);
        list.setPrefWidth(560);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(CaptureInterface item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : describe(item));
            }
        });
        if (!interfaces.isEmpty()) {
            list.getSelectionModel().select(0);
        }
        TextField filter = new TextField(CaptureSettings.DEFAULT_FILTER);
        filter.setId("captureFilter");
        Spinner<Integer> snaplen = new Spinner<>(MIN_SNAPLEN, MAX_SNAPLEN, CaptureSettings.DEFAULT_SNAPLEN, 1024);
        snaplen.setEditable(true);
        CheckBox promiscuous = new CheckBox("Promiscuous mode");
        promiscuous.setSelected(true);
        TextField saveTo = new TextField();
        saveTo.setId("captureSaveTo");
        saveTo.setPromptText("optional: a pcapng file written as the capture runs");
        Button browse = new Button("Browse...");
        browse.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the Capture to");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("pcapng", "*.pcapng"));
            chooser.setInitialFileName("capture.pcapng");
            java.io.File file = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
            if (file != null) {
                saveTo.setText(file.getPath());
            }
        });
        HBox saveRow = new HBox(6, saveTo, browse);
        HBox.setHgrow(saveTo, Priority.ALWAYS);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Interface"), list);
        grid.addRow(1, new Label("Capture filter"), filter);
        grid.addRow(2, new Label("Snaplen (bytes)"), snaplen);
        grid.addRow(3, new Label(""), promiscuous);
        grid.addRow(4, new Label("Save to"), saveRow);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().lookupButton(start).disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());

        dialog.setResultConverter(button -> {
            CaptureInterface chosen = list.getSelectionModel().getSelectedItem();
            if (button != start || chosen == null) {
                return null;
            }
            CaptureSettings settings = CaptureSettings.on(chosen.name())
                    .withFilter(filter.getText().trim())
                    .withSnaplen(snaplen.getValue())
                    .withPromiscuous(promiscuous.isSelected());
            String file = saveTo.getText().trim();
            return file.isEmpty() ? settings : settings.withSaveTo(Path.of(file));
        });
        return dialog.showAndWait();
    }

    private static String describe(CaptureInterface item) {
        StringBuilder text = new StringBuilder(item.name());
        if (item.description() != null && !item.description().isBlank()) {
            text.append(" - ").append(item.description());
        }
        if (!item.addresses().isEmpty()) {
            text.append("  [").append(String.join(", ", item.addresses())).append(']');
        }
        return text.toString();
    }
}
