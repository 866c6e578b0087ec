package org.braid.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.ui.WindowDriver.fx;
import static org.braid.ui.WindowDriver.fxRun;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.braid.compare.Comparison;
import org.braid.compare.Loss;
import org.braid.testing.Traces;
import org.braid.ui.compare.CompareWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File > Compare With...: the second capture beside the first, its charts, and twins selected together. */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {
    private static final Path CLIENT = Traces.sampleTrace("pairs/dead-path-client.pcap");
    private static final Path SERVER = Traces.sampleTrace("pairs/dead-path-server.pcap");
    private final WindowDriver driver = new WindowDriver();
    private CompareWindow compare;

    @Start
    void start(Stage stage) throws Exception {
        driver.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        if (compare != null) {
            fxRun(() -> compare.stage().close());
        }
        WindowDriver.closeDialogs();
        driver.stop();
    }

    private Comparison openComparison() {
        driver.openAndWait(CLIENT);
        compare = fx(() -> CompareWindow.open(driver.window.stage(), driver.viewModel(), driver.background, CLIENT,
                SERVER));
        WindowDriver.waitUntil("the comparison is shown", () -> compare.viewModel().chartsProperty().get() != null
                && ((TabPane) compare.stage().getScene().lookup("#compareCharts")).getTabs().size() == 4);
        return compare.viewModel().comparisonProperty().get();
    }

    @SuppressWarnings("unchecked")
    private ScatterChart<Number, Number> chart(int tab) {
        return fx(() -> (ScatterChart<Number, Number>) ((TabPane) compare.stage().getScene().lookup("#compareCharts"))
                .getTabs().get(tab).getContent());
    }

    @SuppressWarnings("unchecked")
    private ListView<Integer> packetsB() {
        return (ListView<Integer>) compare.stage().getScene().lookup("#comparePacketsB");
    }

    @Test
    void chartsShowDelaysLossesReinjectionsAndBlocking() {
        Comparison c = openComparison();
        List<String> delaySeries = fx(() -> chart(0).getData().stream().map(XYChart.Series::getName).toList());
        assertThat(delaySeries).contains("subflow 0 client\u2192server", "subflow 1 client\u2192server",
                "subflow 0 server\u2192client");
        XYChart.Series<Number, Number> lost = fx(() -> chart(1).getData().stream()
                .filter(s -> s.getName().equals("lost in the network")).findFirst().orElseThrow());
        long networkLosses = c.losses().stream().filter(l -> l.kind() == Loss.Kind.NETWORK && l.dsn() != null).count();
        assertThat((long) fx(() -> lost.getData().size())).isEqualTo(networkLosses).isPositive();
        List<String> verdicts = fx(() -> chart(2).getData().stream().map(XYChart.Series::getName).toList());
        assertThat(verdicts).containsExactly("needed (useful)");
        assertThat(fx(() -> chart(3).getData().isEmpty())).isFalse();
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

        // A point of the losses chart selects the lost packet in the main window.
        XYChart.Data<Number, Number> point = fx(() -> chart(1).getData().stream()
                .filter(s -> s.getName().equals("lost in the network")).findFirst().orElseThrow().getData().get(0));
        fxRun(() -> ((TabPane) compare.stage().getScene().lookup("#compareCharts")).getSelectionModel().select(1));
        Node node = fx(point::getNode);
        fxRun(() -> node.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, true, false, true, null)));
        int lostPacket = (Integer) point.getExtraValue();
        WindowDriver.waitUntil("the lost packet is selected", () -> driver.viewModel().selectedProperty().get() == lostPacket);
        assertThat(c.twins().twinOfA(lostPacket)).isNegative();
        assertThat(fx(() -> packetsB().getSelectionModel().getSelectedIndex())).isEqualTo(-1);
    }
}
