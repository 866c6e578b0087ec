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
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.braid.BuildInfo;
import org.braid.capture.CaptureInterface;
import org.braid.ui.packets.TimeFormat;
import org.braid.ui.prefs.UiPreferences;
import org.braid.ui.viewmodel.MainViewModel;
import org.braid.ui.viewmodel.UserMessage;

/**
 * The window frame: menus, files (open dialog, recent files, drag-and-drop), keyboard shortcuts,
 * dialogs and the remembered layout. The panes have their own controllers.
 */
@SuppressWarnings("UnusedMethod") // the @FXML handlers and initialize() are called by the FXMLLoader
public final class MainController {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.DOWN, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.UP, KeyCombination.SHORTCUT_DOWN);
    private static final double[] DEFAULT_DIVIDERS = {0.5, 0.78};
    private static final double[] DEFAULT_WORKSPACE = {0.42};
    private static final double[] DEFAULT_ANALYSIS = {0.3};
    /** The smallest window: every pane keeps at least its minimum below, so none vanishes. */
    public static final double MIN_WIDTH = 800;
    public static final double MIN_HEIGHT = 500;
    /** Minimum heights of the packet list, details and bytes panes, and of the connections and tabs panes. */
    private static final double[] MIN_PANE_HEIGHTS = {90, 70, 50};
    private static final double[] MIN_ANALYSIS_HEIGHTS = {70, 140};
    private static final double MIN_SIDE_WIDTH = 260;

    private final MainViewModel viewModel;
    private final BooleanProperty warningsDismissed = new SimpleBooleanProperty();
    private UserMessage lastWarning;
    private Stage stage;
    private UiPreferences preferences;
    private FindBar findBar;

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
    @FXML private CheckMenuItem absoluteSequenceItem;
    @FXML private Menu timeFormatMenu;

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
        absoluteSequenceItem.selectedProperty().bindBidirectional(viewModel.absoluteSequenceProperty());
        keepPanesVisible();
        findBar = new FindBar(viewModel.find());
        ((VBox) warningBanner.getParent()).getChildren().add(2, findBar); // under the filter bar
        buildTimeFormatMenu();
        viewModel.warningTextProperty().addListener((o, was, now) -> warningsDismissed.set(false));
        warningLabel.textProperty().bind(viewModel.warningTextProperty());
        warningBanner.visibleProperty().bind(viewModel.warningTextProperty().isNotEmpty().and(warningsDismissed.not()));
        warningBanner.managedProperty().bind(warningBanner.visibleProperty());
        viewModel.recentFiles().addListener((ListChangeListener<Path>) change -> buildRecentMenu());
        buildRecentMenu();
        FollowStreams.install(viewModel, packetListController.table(), connectionsController.table());
        PacketTreeMenu.install(viewModel, packetTreeController.tree(), packetListController::applyAsColumn);
        ConnectionsMenu.install(viewModel, connectionsController.table());
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

    /** View > Time Display Format: one radio item per format, with Wireshark's Ctrl+Alt+digit shortcuts. */
    private void buildTimeFormatMenu() {
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (TimeFormat format : TimeFormat.values()) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(format.title());
            item.setToggleGroup(group);
            item.setUserData(format);
            item.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(format.digit())),
                    KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN));
            item.setSelected(viewModel.timeFormatProperty().get() == format);
            item.setOnAction(e -> viewModel.timeFormatProperty().set(format));
            timeFormatMenu.getItems().add(item);
        }
        viewModel.timeFormatProperty().addListener((o, was, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));
    }

    /** Gives every pane a minimum size, so a small window squeezes them instead of hiding one. */
    private void keepPanesVisible() {
        for (int i = 0; i < panes.getItems().size(); i++) {
            ((Region) panes.getItems().get(i)).setMinHeight(MIN_PANE_HEIGHTS[Math.min(i, MIN_PANE_HEIGHTS.length - 1)]);
        }
        for (int i = 0; i < analysisPanes.getItems().size(); i++) {
            ((Region) analysisPanes.getItems().get(i)).setMinHeight(
                    MIN_ANALYSIS_HEIGHTS[Math.min(i, MIN_ANALYSIS_HEIGHTS.length - 1)]);
        }
        workspace.getItems().forEach(side -> ((Region) side).setMinWidth(MIN_SIDE_WIDTH));
    }

    /** Connects the controller to its stage: title, dialogs, shortcuts and the remembered layout. */
    public void attach(Stage window, UiPreferences prefs) {
        this.stage = window;
        this.preferences = prefs;
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
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

    @FXML
    private void followMptcpStream() {
        FollowStreams.followSelected(viewModel, stage, true);
    }

    @FXML
    private void followTcpStream() {
        FollowStreams.followSelected(viewModel, stage, false);
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
        Path folder = chooseFolderNamedAfterTrace("Export the Connection Report (CSV files)", "-report");
        if (folder != null) {
            viewModel.export().exportCsv(folder);
        }
    }

    @FXML
    private void exportJson() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the Analysis as JSON");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        chooser.setInitialFileName(viewModel.export().baseName() + "-analysis.json");
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
        chooser.setInitialFileName(viewModel.export().baseName() + "-displayed.pcapng");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            viewModel.export().exportPackets(file.toPath());
        }
    }

    @FXML
    private void exportMarked() {
        if (viewModel.markedPackets().length == 0) {
            showMessage(new UserMessage(UserMessage.Kind.INFO, "Export marked packets", "No packet is marked",
                    "Mark packets with Edit > Mark/Unmark Packet (Ctrl+M) first."));
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export Marked Packets");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("pcapng", "*.pcapng"));
        chooser.setInitialFileName(viewModel.export().baseName() + "-marked.pcapng");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            viewModel.exportMarked(file.toPath());
        }
    }

    @FXML
    private void findPacket() {
        findBar.open();
    }

    @FXML
    private void findNext() {
        viewModel.find().findNext();
    }

    @FXML
    private void findPrevious() {
        viewModel.find().findPrevious();
    }

    @FXML
    private void toggleMark() {
        viewModel.toggleMark();
    }

    @FXML
    private void nextMark() {
        viewModel.stepMarked(1);
    }

    @FXML
    private void previousMark() {
        viewModel.stepMarked(-1);
    }

    @FXML
    private void exportCharts() {
        Path folder = chooseFolderNamedAfterTrace("Export Charts as PNG", "-charts");
        if (folder != null) {
            viewModel.export().exportCharts(folder);
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

    /**
     * Asks for a folder and returns a folder in it named after the trace ({@code link_down-report}),
     * created; null when the user cancels, or declines to replace the files it already holds.
     */
    private Path chooseFolderNamedAfterTrace(String title, String suffix) {
        File parent = chooseDirectory(title);
        if (parent == null) {
            return null;
        }
        Path folder = parent.toPath().resolve(viewModel.export().baseName() + suffix);
        try {
            boolean holdsFiles = false;
            if (Files.isDirectory(folder)) {
                try (var entries = Files.list(folder)) {
                    holdsFiles = entries.findAny().isPresent();
                }
            }
            if (holdsFiles && !Dialogs.confirmReplace(stage, folder)) {
                return null;
            }
            Files.createDirectories(folder);
        } catch (IOException e) {
            showMessage(new UserMessage(UserMessage.Kind.ERROR, title, "Cannot create " + folder, e.getMessage()));
            return null;
        }
        return folder;
    }

    private File chooseDirectory(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return chooser.showDialog(stage);
    }

    @FXML
    private void coloringRules() {
        ColoringLegend.show(stage, root.getStylesheets(), viewModel.conversationColoring().rules());
    }

    @FXML
    private void conversations() {
        ConversationsWindow.show(stage, viewModel);
    }

    @FXML
    private void resetColorization() {
        viewModel.conversationColoring().reset();
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
        Dialogs.about(stage, BuildInfo.version());
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
