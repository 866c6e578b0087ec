package org.braid.ui.controller;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.braid.ui.viewmodel.MainViewModel;
import org.controlsfx.control.StatusBar;

/** ControlsFX's status bar: file, packet counts, the live capture's counter, and the running task's progress with its Cancel button. */
@SuppressWarnings("UnusedMethod") // the @FXML handlers and initialize() are called by the FXMLLoader
public final class StatusBarController {
    private final MainViewModel viewModel;
    @FXML private StatusBar bar;
    @FXML private Label task;
    @FXML private Label captureCounter;
    @FXML private Label counts;
    @FXML private Button cancel;

    public StatusBarController(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        bar.textProperty().bind(viewModel.fileTextProperty());
        task.textProperty().bind(viewModel.taskTextProperty());
        captureCounter.textProperty().bind(viewModel.capture().counterTextProperty());
        counts.textProperty().bind(viewModel.countTextProperty());
        // The bar shows its progress bar whenever progress is not 0, so only while a task runs; a task
        // that has not reported yet shows as indeterminate (-1).
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> !viewModel.busyProperty().get() ? 0.0
                : viewModel.progressProperty().get() == 0 ? -1.0 : viewModel.progressProperty().get(),
                viewModel.busyProperty(), viewModel.progressProperty()));
        cancel.visibleProperty().bind(viewModel.busyProperty());
        cancel.managedProperty().bind(viewModel.busyProperty());
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }
}
