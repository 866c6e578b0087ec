package org.braid.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.braid.ui.controller.MainController;
import org.braid.ui.prefs.UiPreferences;
import org.braid.ui.tasks.FxTaskExecutor;
import org.braid.ui.viewmodel.MainViewModel;
import org.braid.ui.viewmodel.UserMessage;

/** Builds the main window on a stage: loads the FXML with its controllers around one view model. */
public final class MainWindow {
    private final Stage stage;
    private final MainViewModel viewModel;
    private final MainController controller;

    private MainWindow(Stage stage, MainViewModel viewModel, MainController controller) {
        this.stage = stage;
        this.viewModel = viewModel;
        this.controller = controller;
    }

    /** Fills {@code stage} with the window (not yet shown); tasks run on {@code background}. */
    public static MainWindow create(Stage stage, UiPreferences preferences, Executor background) throws IOException {
        MainViewModel viewModel = new MainViewModel(new FxTaskExecutor(background), preferences);
        FXMLLoader loader = new FXMLLoader(FxmlFile.MAIN.url());
        loader.setControllerFactory(new ControllerFactory(viewModel));
        Parent root = loader.load();
        stage.setScene(new Scene(root));
        MainController controller = loader.getController();
        controller.attach(stage, preferences);
        return new MainWindow(stage, viewModel, controller);
    }

    /** Opens the bundled sample trace (the start-up view without a file). */
    public void openBundledSample() {
        try {
            viewModel.open(BundledSample.extract(), BundledSample.DISPLAY_NAME, false);
        } catch (IOException e) {
            viewModel.report(new UserMessage(UserMessage.Kind.ERROR, "Braid", "Cannot show the bundled sample",
                    String.valueOf(e.getMessage())));
        }
    }

    public void open(Path file) {
        viewModel.open(file);
    }

    public Stage stage() { return stage; }
    public MainViewModel viewModel() { return viewModel; }
    public MainController controller() { return controller; }
}
