package org.braid.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.ui.WindowDriver.fx;
import static org.braid.ui.WindowDriver.fxRun;
import static org.braid.ui.WindowDriver.waitUntil;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import org.braid.capture.CaptureInterface;
import org.braid.capture.CaptureSettings;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.ui.viewmodel.CaptureViewModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** A real capture on loopback (root only): the list and counter move while it runs; it saves as pcapng. */
@ExtendWith(ApplicationExtension.class)
class LiveCaptureWindowTest {
    private static final int EXCHANGES = 20;

    @RegisterExtension final WindowDriver driver = new WindowDriver();

    @Test
    void capturesALoopbackExchangeLiveThenSavesIt(FxRobot robot, @TempDir Path folder) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "capturing needs root");
        // The dialog lists the interfaces, loopback among them.
        MenuItem startItem = fx(() -> menuItem(robot, "_Start Capture..."));
        Platform.runLater(startItem::fire);
        WindowDriver.awaitDialog();
        @SuppressWarnings("unchecked")
        ListView<CaptureInterface> list = robot.lookup("#captureInterfaces").queryAs(ListView.class);
        assertThat(fx(() -> list.getItems().stream().map(CaptureInterface::name).toList())).contains("lo");
        WindowDriver.closeDialogs();

        CaptureViewModel capture = driver.viewModel().capture();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            assertThat(fx(() -> capture.start(CaptureSettings.on("lo").withFilter("tcp port " + port)))).isTrue();
            exchange(server);
            waitUntil("the list shows the exchange", () -> table(robot).getItems().size() >= 2 * EXCHANGES);
            waitUntil("the counter moves", () -> capture.counterTextProperty().get().matches("Capturing: [1-9].*"));
            fxRun(capture::stop);
            waitUntil("the capture ends", () -> !capture.capturingProperty().get());
        }
        int shown = fx(() -> table(robot).getItems().size());
        assertThat(fx(() -> driver.viewModel().traceProperty().get().index().size())).isEqualTo(shown);
        assertThat(fx(() -> capture.unsavedProperty().get())).isTrue();
        assertThat(fx(() -> driver.viewModel().countTextProperty().get())).isEqualTo("Packets: " + shown);

        Path saved = folder.resolve("live.pcapng");
        fxRun(() -> capture.saveAs(saved));
        waitUntil("the capture is saved", () -> !capture.unsavedProperty().get());
        int packets = 0;
        try (PacketSource source = TraceReader.open(saved)) {
            Frame frame = new Frame();
            while (source.next(frame)) {
                packets++;
            }
        }
        assertThat(packets).isEqualTo(shown);
        assertThat(Files.size(saved)).isPositive();
    }

    /** A client sends EXCHANGES small messages; the server echoes each. */
    private static void exchange(ServerSocket server) throws IOException {
        try (Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            OutputStream out = client.getOutputStream();
            InputStream echoIn = accepted.getInputStream();
            OutputStream echoOut = accepted.getOutputStream();
            InputStream in = client.getInputStream();
            byte[] message = "braid live capture".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] buffer = new byte[message.length];
            for (int i = 0; i < EXCHANGES; i++) {
                out.write(message);
                out.flush();
                echoIn.readNBytes(buffer, 0, buffer.length);
                echoOut.write(buffer);
                echoOut.flush();
                in.readNBytes(buffer, 0, buffer.length);
            }
        }
    }

    private static MenuItem menuItem(FxRobot robot, String text) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> text.equals(item.getText())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Object> table(FxRobot robot) {
        return robot.lookup(".packet-list").queryAs(TableView.class);
    }
}
