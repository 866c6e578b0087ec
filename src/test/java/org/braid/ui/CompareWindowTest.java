package org.braid.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.ui.WindowDriver.fx;
import static org.braid.ui.WindowDriver.fxRun;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import org.braid.compare.Comparison;
import org.braid.compare.Loss;
import org.braid.testing.Traces;
import org.braid.ui.compare.CompareWindow;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.framework.junit5.ApplicationExtension;

/** File > Compare With...: the second capture beside the first, its charts, and twins selected together. */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {
    private static final Path CLIENT = Traces.sampleTrace("pairs/dead-path-client.pcap");
    private static final Path SERVER = Traces.sampleTrace("pairs/dead-path-server.pcap");
    private static final int LOSSES_TAB = 1;
    @RegisterExtension final WindowDriver driver = new WindowDriver();
    private CompareWindow compare;

    @AfterEach
    void closeComparison() {
        if (compare != null) {
            fxRun(() -> compare.stage().close());
        }
    }

    private Comparison openComparison() {
        driver.openAndWait(CLIENT);
        compare = fx(() -> CompareWindow.open(driver.window.stage(), driver.viewModel(), driver.background, CLIENT,
                SERVER));
        WindowDriver.waitUntil("the comparison is shown", () -> compare.viewModel().chartsProperty().get() != null
                && charts().getTabs().size() == 4);
        return compare.viewModel().comparisonProperty().get();
    }

    private TabPane charts() {
        return (TabPane) compare.stage().getScene().lookup("#compareCharts");
    }

    private XYDataset dataset(int tab) {
        return fx(() -> ((ChartViewer) charts().getTabs().get(tab).getContent()).getChart().getXYPlot().getDataset());
    }

    private static List<String> names(XYDataset data) {
        List<String> names = new ArrayList<>();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            names.add(data.getSeriesKey(s).toString());
        }
        return names;
    }

    private static int items(XYDataset data, String name) {
        return data.getItemCount(names(data).indexOf(name));
    }

    @SuppressWarnings("unchecked")
    private ListView<Integer> packetsB() {
        return (ListView<Integer>) compare.stage().getScene().lookup("#comparePacketsB");
    }

    @Test
    void chartsShowDelaysLossesReinjectionsAndBlocking() {
        Comparison c = openComparison();
        assertThat(names(dataset(0))).contains("subflow 0 client\u2192server", "subflow 1 client\u2192server",
                "subflow 0 server\u2192client");
        long networkLosses = c.losses().stream().filter(l -> l.kind() == Loss.Kind.NETWORK && l.dsn() != null).count();
        assertThat((long) items(dataset(LOSSES_TAB), "lost in the network")).isEqualTo(networkLosses).isPositive();
        assertThat(names(dataset(2))).containsExactly("needed (useful)");
        assertThat(items(dataset(2), "needed (useful)")).isEqualTo(c.reinjections().size());
        assertThat(dataset(3).getSeriesCount()).isPositive();
        assertThat(fx(() -> compare.viewModel().statusProperty().get())).contains("76 network loss(es)");
    }

    @Test
    void selectingAPacketSelectsItsTwin() {
        Comparison c = openComparison();
        int i = 20;
        int twin = c.twins().twinOfA(i);
        assertThat(twin).isNotNegative();
        fxRun(() -> driver.viewModel().select(i));
        WindowDriver.waitUntil("the twin is selected", () -> packetsB().getSelectionModel().getSelectedIndex() == twin);

        int j = 40;
        fxRun(() -> packetsB().getSelectionModel().select(j));
        WindowDriver.waitUntil("the main window follows", () -> driver.viewModel().selectedProperty().get()
                == c.twins().twinOfB(j));

        // A point of the losses chart selects the lost packet in the main window, and no twin.
        Loss first = c.losses().stream().filter(l -> l.kind() == Loss.Kind.NETWORK).findFirst().orElseThrow();
        fxRun(() -> compare.selectPoint(LOSSES_TAB, "lost in the network", 0));
        int lostPacket = (int) first.packet() - 1;
        WindowDriver.waitUntil("the lost packet is selected", () -> driver.viewModel().selectedProperty().get() == lostPacket);
        assertThat(fx(() -> packetsB().getSelectionModel().getSelectedIndex())).isEqualTo(-1);
    }
}
