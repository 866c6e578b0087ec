package org.braid.ui.compare;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
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
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;

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
                tab("One-way delay", "per subflow and direction, corrected by the clock estimate", "time (s)",
                        "one-way delay (ms)", data.delays()),
                tab("Losses", "DSN of the first capture's packets per subflow; lost packets marked", "time (s)",
                        "relative DSN", data.timeline()),
                tab("Reinjections", "coloured by usefulness at the receiver", "time (s)", "relative DSN",
                        data.reinjections()),
                tab("Head-of-line", "wait of each byte range above a gap at the receiver, by the subflow that held "
                        + "the gap", "arrival (s)", "wait (ms)", data.headOfLine()));
    }

    private Tab tab(String title, String subtitle, String xLabel, String yLabel, List<CompareSeries> series) {
        ChartViewer viewer = new ChartViewer(CompareChartFactory.scatter(title, subtitle, xLabel, yLabel, series));
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (event.getEntity() instanceof XYItemEntity item && item.getDataset() instanceof CompareDataset d) {
                    selectPoint(d.series(item.getSeriesIndex()), item.getItem());
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                // the tooltips say what is under the mouse
            }
        });
        Tab tab = new Tab(title, viewer);
        tab.setClosable(false);
        return tab;
    }

    /** What a click on point {@code item} of {@code series} does: selects its packet and the packet's twin. */
    void selectPoint(CompareSeries series, int item) {
        int packet = series.packets()[item];
        if (series.inA()) {
            selectFromChartA(packet);
        } else {
            viewModel.selectB(packet);
        }
    }

    /** Clicks point {@code item} of series {@code name} of chart tab {@code tab}, as the mouse would. */
    public void selectPoint(int tab, String name, int item) {
        ChartViewer viewer = (ChartViewer) charts.getTabs().get(tab).getContent();
        CompareDataset data = (CompareDataset) viewer.getChart().getXYPlot().getDataset();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            if (data.getSeriesKey(s).equals(name)) {
                selectPoint(data.series(s), item);
                return;
            }
        }
        throw new IllegalArgumentException("no series " + name);
    }

    private void selectFromChartA(int i) {
        viewModel.selectA(i);
        main.reveal(i);
    }
}
