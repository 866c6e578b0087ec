package org.braid.ui.compare;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.braid.compare.Comparison;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.viewmodel.CompareViewModel;
import org.braid.ui.viewmodel.MainViewModel;
import org.braid.ui.viewmodel.UserMessage;

/**
 * File > Compare With...: a second capture of the same connections beside the first, with its
 * packet list (each row naming its twin), the one-way delay per subflow, the timeline with the
 * losses marked, the reinjections coloured by usefulness and the head-of-line waits. Selecting a
 * packet in either window, or a point of a chart, selects the packet and its twin.
 */
public final class CompareWindow {
    /** Runs each comparison on its own daemon thread, so closing the app never waits for one. */
    public static final Executor DAEMON = task -> {
        Thread thread = new Thread(task, "braid-compare");
        thread.setDaemon(true);
        thread.start();
    };

    private final Stage stage = new Stage();
    private final CompareViewModel viewModel;
    private final MainViewModel main;
    private final ListView<Integer> packetsB = new ListView<>();
    private final TabPane charts = new TabPane();
    private boolean following;

    CompareWindow(Window owner, MainViewModel main, CompareViewModel viewModel) {
        this.main = main;
        this.viewModel = viewModel;
        stage.initOwner(owner);
        stage.setTitle("Braid - comparison");
        Label status = new Label();
        status.textProperty().bind(viewModel.statusProperty());
        status.setId("compareStatus");
        packetsB.setId("comparePacketsB");
        charts.setId("compareCharts");
        SplitPane split = new SplitPane(packetsB, charts);
        split.setDividerPositions(0.35);
        BorderPane root = new BorderPane(split);
        root.setTop(status);
        stage.setScene(new Scene(root, 1400, 800));
        viewModel.comparisonProperty().addListener((o, was, now) -> showPackets(now));
        viewModel.chartsProperty().addListener((o, was, now) -> showCharts(now));
        packetsB.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && !following) {
                viewModel.selectB(now);
            }
        });
        viewModel.selectedBProperty().addListener((o, was, now) -> followB(now.intValue()));
        viewModel.selectedAProperty().addListener((o, was, now) -> {
            if (!following && now.intValue() >= 0 && now.intValue() != main.selectedProperty().get()) {
                main.reveal(now.intValue());
            }
        });
        main.selectedProperty().addListener((o, was, now) -> viewModel.selectA(now.intValue()));
    }

    /** Asks for the second capture and opens the comparison with the trace shown in {@code main}. */
    public static void chooseAndOpen(Window owner, MainViewModel main, Executor background) {
        LoadedTrace shown = main.traceProperty().get();
        if (shown == null || shown.path() == null) {
            main.report(new UserMessage(UserMessage.Kind.INFO, "Compare", "Open a trace first",
                    "The comparison sets a second capture beside the trace in this window."));
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Compare With");
        if (shown.path().getParent() != null) {
            chooser.setInitialDirectory(shown.path().toAbsolutePath().getParent().toFile());
        }
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            open(owner, main, background, shown.path(), file.toPath());
        }
    }

    /** Opens the comparison of {@code first} (shown in {@code main}) with {@code second}. */
    public static CompareWindow open(Window owner, MainViewModel main, Executor background, Path first, Path second) {
        CompareWindow window = new CompareWindow(owner, main, new CompareViewModel(background, first, second));
        window.stage.show();
        window.viewModel.load();
        return window;
    }

    public Stage stage() { return stage; }

    public CompareViewModel viewModel() { return viewModel; }

    private void showPackets(Comparison c) {
        packetsB.setCellFactory(list -> new ComparePacketCell(c));
        packetsB.setItems(FXCollections.observableList(IntStream.range(0, c.b().packets()).boxed().toList()));
        int selected = main.selectedProperty().get();
        if (selected >= 0) {
            viewModel.selectA(selected);
        }
    }

    private void followB(int j) {
        following = true;
        try {
            if (j < 0) {
                packetsB.getSelectionModel().clearSelection();
            } else if (j < packetsB.getItems().size()) {
                packetsB.getSelectionModel().select(j);
                packetsB.scrollTo(Math.max(0, j - 5));
            }
        } finally {
            following = false;
        }
    }

    private void showCharts(CompareCharts data) {
        charts.getTabs().setAll(
                tab("One-way delay", "time (s)", "one-way delay (ms)", data.delays()),
                tab("Losses", "time (s)", "relative DSN", data.timeline()),
                tab("Reinjections", "time (s)", "relative DSN", data.reinjections()),
                tab("Head-of-line", "arrival (s)", "wait (ms)", data.headOfLine()));
    }

    private Tab tab(String title, String xLabel, String yLabel, List<CompareSeries> series) {
        NumberAxis x = new NumberAxis();
        x.setLabel(xLabel);
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setForceZeroInRange(false);
        ScatterChart<Number, Number> chart = new ScatterChart<>(x, y);
        chart.setAnimated(false);
        chart.setTitle(title);
        for (CompareSeries s : series) {
            XYChart.Series<Number, Number> fx = new XYChart.Series<>();
            fx.setName(s.name());
            for (int k = 0; k < s.size(); k++) {
                fx.getData().add(new XYChart.Data<>(s.x()[k], s.y()[k], s.packets()[k]));
            }
            chart.getData().add(fx);
            IntConsumer select = s.inA() ? this::selectFromChartA : viewModel::selectB;
            for (XYChart.Data<Number, Number> point : fx.getData()) {
                point.getNode().setStyle("-fx-background-color: " + s.colour() + "; -fx-padding: 3px;");
                point.getNode().setOnMouseClicked(e -> select.accept((Integer) point.getExtraValue()));
            }
        }
        // The legend keeps each series' default symbol colour: restyle it to match the points.
        chart.applyCss();
        for (int k = 0; k < series.size(); k++) {
            String colour = series.get(k).colour();
            chart.lookupAll(".chart-legend-item-symbol.default-color" + k % 8)
                    .forEach(node -> node.setStyle("-fx-background-color: " + colour + ";"));
        }
        Tab tab = new Tab(title, chart);
        tab.setClosable(false);
        return tab;
    }

    private void selectFromChartA(int i) {
        viewModel.selectA(i);
        main.reveal(i);
    }
}
