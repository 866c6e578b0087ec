package org.braid.ui.controller;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.braid.capture.CaptureInterface;
import org.braid.cli.VersionProvider;
import org.braid.ui.prefs.UiPreferences;
import org.braid.ui.viewmodel.MainViewModel;
import org.braid.ui.viewmodel.UserMessage;

/**
 * The window frame: menus, files (open dialog, recent files, drag-and-drop), keyboard shortcuts,
 * dialogs and the remembered layout. The panes have their own controllers.
 */
public final class MainController {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.DOWN, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.UP, KeyCombination.SHORTCUT_DOWN);
    private static final double[] DEFAULT_DIVIDERS = {0.5, 0.78};
    private static final double[] DEFAULT_WORKSPACE = {0.42};
    private static final double[] DEFAULT_ANALYSIS = {0.3};

    private final MainViewModel viewModel;
    private final BooleanProperty warningsDismissed = new SimpleBooleanProperty();
    private UserMessage lastWarning;
    private Stage stage;
    private UiPreferences preferences;

    @FXML private BorderPane root;
    @FXML private Menu recentMenu;
    @FXML private HBox warningBanner;
    @FXML private Label warningLabel;
    @FXML private SplitPane panes;
    @FXML private SplitPane workspace;
    @FXML private SplitPane analysisPanes;
    @FXML private FilterBarController filterBarController;
    @FXML private PacketListController packetListController;
    @FXML private PacketTreeController packetTreeController;
    @FXML private PacketBytesController packetBytesController;
    @FXML private ConnectionsController connectionsController;
    @FXML private AnalysisTabsController analysisTabsController;
    @FXML private Menu exportMenu;
    @FXML private MenuItem startCaptureItem;
    @FXML private MenuItem stopCaptureItem;
    @FXML private MenuItem saveCaptureItem;

    public MainController(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        exportMenu.disableProperty().bind(viewModel.traceProperty().isNull()
                .or(viewModel.export().exportingProperty()));
        startCaptureItem.disableProperty().bind(viewModel.capture().capturingProperty());
        stopCaptureItem.disableProperty().bind(viewModel.capture().capturingProperty().not());
        saveCaptureItem.disableProperty().bind(viewModel.capture().unsavedProperty().not());
        viewModel.warningTextProperty().addListener((o, was, now) -> warningsDismissed.set(false));
        warningLabel.textProperty().bind(viewModel.warningTextProperty());
        warningBanner.visibleProperty().bind(viewModel.warningTextProperty().isNotEmpty().and(warningsDismissed.not()));
        warningBanner.managedProperty().bind(warningBanner.visibleProperty());
        viewModel.recentFiles().addListener((ListChangeListener<Path>) change -> buildRecentMenu());
        buildRecentMenu();
        root.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
            event.consume();
        });
        root.setOnDragDropped(event -> {
            List<File> files = event.getDragboard().getFiles();
            boolean accepted = files != null && !files.isEmpty();
            if (accepted) {
                viewModel.open(files.get(0).toPath());
            }
            event.setDropCompleted(accepted);
            event.consume();
        });
    }

    /** Connects the controller to its stage: title, dialogs, shortcuts and the remembered layout. */
    public void attach(Stage window, UiPreferences prefs) {
        this.stage = window;
        this.preferences = prefs;
        stage.titleProperty().bind(viewModel.titleProperty());
        viewModel.setMessageHandler(this::showMessage);
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        restoreLayout();
        stage.setOnHidden(event -> {
            saveLayout();
            viewModel.dispose();
        });
    }

    /** Shortcuts the focused control would otherwise take (the table uses Ctrl+Up/Down itself). */
    private void shortcut(KeyEvent event) {
        if (FIND.match(event)) {
            focusFilter();
        } else if (NEXT.match(event)) {
            viewModel.step(1);
        } else if (PREVIOUS.match(event)) {
            viewModel.step(-1);
        } else {
            return;
        }
        event.consume();
    }

    private void showMessage(UserMessage message) {
        if (message.kind() == UserMessage.Kind.WARNING) {
            lastWarning = message;
        }
        Dialogs.show(message, stage);
    }

    private void buildRecentMenu() {
        recentMenu.getItems().clear();
        for (Path file : viewModel.recentFiles()) {
            MenuItem item = new MenuItem(file.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(event -> openIfExists(file));
            recentMenu.getItems().add(item);
        }
        if (!recentMenu.getItems().isEmpty()) {
            MenuItem clear = new MenuItem("Clear Recent Files");
            clear.setOnAction(event -> viewModel.clearRecentFiles());
            recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void openIfExists(Path file) {
        if (Files.isRegularFile(file)) {
            viewModel.open(file);
        } else {
            showMessage(new UserMessage(UserMessage.Kind.ERROR, "Cannot open trace", "Cannot open " + file.getFileName(),
                    "The file no longer exists: " + file));
        }
    }

    @FXML
    private void open() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open Trace");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Packet traces (pcap, pcapng, gz)",
                        "*.pcap", "*.pcapng", "*.cap", "*.pcap.gz", "*.pcapng.gz", "*.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (!viewModel.recentFiles().isEmpty() && viewModel.recentFiles().get(0).getParent() != null
                && Files.isDirectory(viewModel.recentFiles().get(0).getParent())) {
            chooser.setInitialDirectory(viewModel.recentFiles().get(0).getParent().toFile());
        }
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            viewModel.open(file.toPath());
        }
    }

    @FXML
    private void compareWith() {
        org.braid.ui.compare.CompareWindow.chooseAndOpen(stage, viewModel, org.braid.ui.compare.CompareWindow.DAEMON);
    }

    @FXML
    private void exportCsv() {
        File directory = chooseDirectory("Export the Connection Report (CSV files)");
        if (directory != null) {
            viewModel.export().exportCsv(directory.toPath());
        }
    }

    @FXML
    private void exportJson() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the Analysis as JSON");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        chooser.setInitialFileName("braid-analysis.json");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            viewModel.export().exportJson(file.toPath());
        }
    }

    @FXML
    private void exportPackets() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export Displayed Packets");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("pcapng", "*.pcapng"));
        chooser.setInitialFileName("braid-export.pcapng");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            viewModel.export().exportPackets(file.toPath());
        }
    }

    @FXML
    private void exportCharts() {
        File directory = chooseDirectory("Export Charts as PNG");
        if (directory != null) {
            viewModel.export().exportCharts(directory.toPath());
        }
    }

    @FXML
    private void startCapture() {
        List<CaptureInterface> interfaces = viewModel.capture().interfaces();
        if (!interfaces.isEmpty()) {
            CaptureDialog.ask(stage, interfaces).ifPresent(viewModel.capture()::start);
        }
    }

    @FXML
    private void stopCapture() {
        viewModel.capture().stop();
    }

    @FXML
    private void saveCapture() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save Capture As");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("pcapng", "*.pcapng"));
        chooser.setInitialFileName("capture.pcapng");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            viewModel.capture().saveAs(file.toPath());
        }
    }

    private File chooseDirectory(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return chooser.showDialog(stage);
    }

    @FXML
    private void quit() {
        stage.close();
        Platform.exit();
    }

    @FXML
    private void focusFilter() {
        filterBarController.focus();
    }

    @FXML
    private void resetLayout() {
        panes.setDividerPositions(DEFAULT_DIVIDERS);
        workspace.setDividerPositions(DEFAULT_WORKSPACE);
        analysisPanes.setDividerPositions(DEFAULT_ANALYSIS);
    }

    @FXML
    private void zoomInChart() {
        analysisTabsController.zoom(0.5);
    }

    @FXML
    private void zoomOutChart() {
        analysisTabsController.zoom(2);
    }

    @FXML
    private void resetChartZoom() {
        analysisTabsController.zoom(0);
    }

    @FXML
    private void goToPacket() {
        long current = viewModel.selectedProperty().get() + 1L;
        Dialogs.askPacketNumber(stage, current).ifPresent(viewModel::goToPacket);
    }

    @FXML
    private void nextPacket() {
        viewModel.step(1);
    }

    @FXML
    private void previousPacket() {
        viewModel.step(-1);
    }

    @FXML
    private void firstPacket() {
        viewModel.step(-Integer.MAX_VALUE);
    }

    @FXML
    private void lastPacket() {
        viewModel.step(Integer.MAX_VALUE);
    }

    @FXML
    private void about() {
        String version;
        try {
            version = VersionProvider.version();
        } catch (IOException e) {
            version = "(version unknown)";
        }
        Dialogs.about(stage, version);
    }

    @FXML
    private void showWarnings() {
        if (lastWarning != null) {
            Dialogs.show(lastWarning, stage);
        }
    }

    @FXML
    private void dismissWarnings() {
        warningsDismissed.set(true);
    }

    private void restoreLayout() {
        UiPreferences.Bounds bounds = preferences.windowBounds();
        if (bounds != null) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
            stage.setWidth(bounds.width());
            stage.setHeight(bounds.height());
            stage.setMaximized(bounds.maximized());
        }
        restoreDividers(panes, "", DEFAULT_DIVIDERS);
        restoreDividers(workspace, "workspace", DEFAULT_WORKSPACE);
        restoreDividers(analysisPanes, "analysis", DEFAULT_ANALYSIS);
    }

    private void restoreDividers(SplitPane pane, String name, double[] defaults) {
        double[] dividers = preferences.dividers(name);
        pane.setDividerPositions(dividers.length == defaults.length ? dividers : defaults);
    }

    private void saveLayout() {
        if (!stage.isMaximized()) {
            preferences.saveWindowBounds(new UiPreferences.Bounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), false));
        } else {
            UiPreferences.Bounds old = preferences.windowBounds();
            preferences.saveWindowBounds(old == null ? new UiPreferences.Bounds(0, 0, 1280, 820, true)
                    : new UiPreferences.Bounds(old.x(), old.y(), old.width(), old.height(), true));
        }
        preferences.saveDividers(panes.getDividerPositions());
        preferences.saveDividers("workspace", workspace.getDividerPositions());
        preferences.saveDividers("analysis", analysisPanes.getDividerPositions());
        preferences.flush();
    }

    public FilterBarController filterBar() { return filterBarController; }
    public PacketListController packetList() { return packetListController; }
    public PacketTreeController packetTree() { return packetTreeController; }
    public PacketBytesController packetBytes() { return packetBytesController; }
    public ConnectionsController connections() { return connectionsController; }
    public AnalysisTabsController analysisTabs() { return analysisTabsController; }
}
