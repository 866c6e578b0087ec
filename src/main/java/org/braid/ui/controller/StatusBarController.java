package org.braid.ui.controller;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import org.braid.ui.viewmodel.MainViewModel;

/** File, packet counts, the live capture's counter, and the running task's progress with its Cancel button. */
@SuppressWarnings("UnusedMethod") // the @FXML handlers and initialize() are called by the FXMLLoader
public final class StatusBarController {
    private final MainViewModel viewModel;
    @FXML private Label file;
    @FXML private Label task;
    @FXML private Label captureCounter;
    @FXML private Label counts;
    @FXML private ProgressBar progress;
    @FXML private Button cancel;

    public StatusBarController(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        file.textProperty().bind(viewModel.fileTextProperty());
        task.textProperty().bind(viewModel.taskTextProperty());
        captureCounter.textProperty().bind(viewModel.capture().counterTextProperty());
        counts.textProperty().bind(viewModel.countTextProperty());
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(viewModel.busyProperty());
        cancel.visibleProperty().bind(viewModel.busyProperty());
        cancel.managedProperty().bind(viewModel.busyProperty());
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }
}
