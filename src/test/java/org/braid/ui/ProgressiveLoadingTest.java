package org.braid.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.ui.WindowDriver.fx;
import static org.braid.ui.WindowDriver.fxRun;

import java.nio.file.Path;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.braid.decode.DecodedPacket;
import org.braid.testing.Traces;
import org.braid.ui.packets.PacketRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A 3-million-packet trace (made here, never committed) lists its first packets and connections
 * while it is still loading; the list scrolls meanwhile, and a filter applied during the load
 * applies when it ends.
 */
@ExtendWith(ApplicationExtension.class)
class ProgressiveLoadingTest {
    private static final Path SMALL = Traces.sampleTrace("headers-only-s96.pcap");
    private static final int COPIES = 1466; // x 2047 packets = 3,000,902
    @RegisterExtension final WindowDriver driver = new WindowDriver();

    @Test
    void rowsShowBeforeTheLoadEndsAndAFilterTypedMeanwhileAppliesAtTheEnd(FxRobot robot, @TempDir Path dir)
            throws Exception {
        long perCopy = TraceFacts.count(SMALL, p -> true);
        long syns = TraceFacts.count(SMALL, p -> p.hasTcpFlag(DecodedPacket.TCP_SYN)) * COPIES;
        Path big = RepeatedTrace.write(SMALL, COPIES, dir.resolve("three-million.pcap"));
        long total = perCopy * COPIES;
        assertThat(total).isGreaterThan(3_000_000L);
        @SuppressWarnings("unchecked")
        TableView<PacketRow> table = robot.lookup(".packet-list").queryAs(TableView.class);

        long opened = System.nanoTime();
        fxRun(() -> driver.viewModel().open(big));
        // Rows of the new trace while its load still runs: no wait for the end.
        int partial = 0;
        while (partial == 0) {
            // Polled without waiting for the UI thread's queue to drain, which the load keeps feeding.
            partial = fx(() -> driver.viewModel().traceProperty().get() != null
                    && driver.viewModel().traceProperty().get().path().equals(big) ? table.getItems().size() : 0);
            Thread.sleep(5);
        }
        long firstRowsMillis = (System.nanoTime() - opened) / 1_000_000;
        System.out.println("ProgressiveLoadingTest: first rows of " + total + " packets after " + firstRowsMillis + " ms");
        assertThat(partial).as("rows listed before the load ends").isLessThan((int) total);
        assertThat(fx(() -> driver.viewModel().busyProperty().get())).as("still loading").isTrue();
        assertThat(fx(() -> driver.viewModel().analysis().connections().stream()
                .anyMatch(group -> !group.children().isEmpty()))).as("connections found so far").isTrue();
        // The list scrolls to the last packet read so far, and shows it.
        int last = partial - 1;
        fxRun(() -> table.scrollTo(last));
        @SuppressWarnings("unchecked")
        String number = fx(() -> String.valueOf(((TableColumn<PacketRow, ?>) table.getColumns().get(0))
                .getCellData(last)));
        assertThat(number).isEqualTo(Integer.toString(partial));

        fxRun(() -> driver.viewModel().filterBy("tcp.flags.syn == 1"));
        WindowDriver.waitUntil("the load and the filter end", 300, () -> !driver.viewModel().busyProperty().get()
                && table.getItems().size() == syns);
        assertThat(driver.viewModel().traceProperty().get().index().size()).isEqualTo((int) total);
        assertThat(driver.viewModel().filterBar().appliedProperty().get()).isEqualTo("tcp.flags.syn == 1");
    }
}
