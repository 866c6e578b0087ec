package org.braid.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.ui.WindowDriver.fx;
import static org.braid.ui.WindowDriver.fxRun;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.braid.decode.MptcpSubtype;
import org.braid.testing.Traces;
import org.braid.ui.packets.PacketRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A 600k-packet trace: the UI thread keeps answering while it loads and while it is filtered,
 * the list scrolls to its end, and the rows cost the columns plus a bounded cache. How fast it
 * answers is not asserted here: timings belong to benchmarks, and a loaded machine would fail them.
 */
@ExtendWith(ApplicationExtension.class)
class BigTraceTest {
    private static final int COPIES = 2274; // 2274 x 264 packets = 600,336, twice the 300k the list must handle
    @RegisterExtension final WindowDriver driver = new WindowDriver();

    /** Pings the UI thread with Platform.runLater until the running task ends; returns the pings answered meanwhile. */
    private long pingWhileBusy() throws InterruptedException {
        long answered = 0;
        while (true) {
            CountDownLatch pong = new CountDownLatch(1);
            boolean[] busy = new boolean[1];
            Platform.runLater(() -> {
                busy[0] = driver.viewModel().busyProperty().get();
                pong.countDown();
            });
            assertThat(pong.await(30, TimeUnit.SECONDS)).as("UI thread answers at all").isTrue();
            if (!busy[0]) {
                return answered;
            }
            answered++;
            Thread.sleep(2);
        }
    }

    @Test
    void loadAndFilterLeaveTheUiThreadFree(FxRobot robot, @TempDir Path dir) throws Exception {
        Path small = Traces.publicTrace("tcpdump-mptcp-v0.pcap");
        Path big = RepeatedTrace.write(small, COPIES, dir.resolve("big.pcap"));
        long packets = TraceFacts.count(big, p -> true);
        assertThat(packets).isEqualTo(264L * COPIES);

        fxRun(() -> driver.viewModel().open(big));
        // A load on the UI thread would answer no ping while busy: the first would find it done.
        assertThat(pingWhileBusy()).as("pings answered during the load").isPositive();
        WindowDriver.waitUntil("the big trace is shown", () -> driver.viewModel().traceProperty().get() != null);

        @SuppressWarnings("unchecked")
        TableView<PacketRow> table = robot.lookup(".packet-list").queryAs(TableView.class);
        assertThat(fx(() -> table.getItems().size())).isEqualTo((int) packets);
        var trace = driver.viewModel().traceProperty().get();
        assertThat(trace.index().columnBytes()).isLessThan(30L * packets + 8192L * 29);

        // Scroll through the list: every shown row decodes on demand, the cache stays bounded.
        for (int row = 0; row < packets; row += 30_011) {
            int target = row;
            fxRun(() -> table.scrollTo(target));
            WaitForAsyncUtils.waitForFxEvents();
        }
        fxRun(() -> table.scrollTo((int) packets - 1));
        WaitForAsyncUtils.waitForFxEvents();
        String last = fx(() -> ((TableColumn<PacketRow, ?>) table.getColumns().get(0)).getCellData((int) packets - 1)
                .toString());
        assertThat(last).isEqualTo(Long.toString(packets));
        assertThat(fx(() -> driver.viewModel().rowContextProperty().get().summaries().cachedRows()))
                .isPositive().isLessThanOrEqualTo(512);

        long dss = TraceFacts.count(small, p -> p.firstMptcpOption(MptcpSubtype.DSS) != null) * COPIES;
        fxRun(() -> {
            driver.viewModel().filterBar().textProperty().set("mptcp.subtype == 2");
            driver.viewModel().applyFilter();
        });
        pingWhileBusy(); // every ping is answered (within its 30 s guard) while the filter runs
        WindowDriver.waitUntil("the filter is shown", () -> table.getItems().size() == dss);
    }
}
