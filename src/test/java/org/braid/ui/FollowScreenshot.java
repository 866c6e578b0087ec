package org.braid.ui;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.braid.stream.FollowTarget;
import org.braid.stream.StreamFormat;
import org.braid.stream.StreamSide;
import org.braid.ui.controller.FollowStreams;
import org.braid.ui.prefs.UiPreferences;
import org.braid.ui.viewmodel.FollowViewModel;

/**
 * Takes the README's screenshot of the Follow MPTCP Stream dialog on a real display (run under
 * Xvfb); not a test. The dialog's scene is snapshot and written as PNG. Usage, after
 * {@code mvn test-compile} and
 * {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}:
 * <pre>
 * DISPLAY=:N java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     org.braid.ui.FollowScreenshot sample-traces/follow-two-subflows.pcap docs/screenshots/follow-stream.png
 * </pre>
 */
public final class FollowScreenshot {
    private FollowScreenshot() {}

    public static void main(String[] args) throws Exception {
        Path trace = Paths.get(args[0]);
        Path png = Paths.get(args[1]);
        Platform.startup(() -> { });
        Preferences node = Preferences.userRoot().node("org/braid/ui-screenshots/" + System.nanoTime());
        MainWindow window = fx(() -> {
            Stage stage = new Stage();
            stage.setWidth(1400);
            stage.setHeight(900);
            MainWindow made = MainWindow.create(stage, new UiPreferences(node), Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "screenshot-background");
                thread.setDaemon(true);
                return thread;
            }));
            stage.show();
            made.open(trace);
            return made;
        });
        waitFor(() -> window.viewModel().traceProperty().get() != null && !window.viewModel().busyProperty().get());
        FollowStreams.Dialog dialog = fx(() -> FollowStreams.open(window.viewModel(), window.stage(),
                FollowTarget.mptcpConnection(0)));
        FollowViewModel follow = dialog.viewModel();
        waitFor(() -> follow.stream() != null && !follow.lines().isEmpty());
        fx(() -> {
            dialog.stage().setX(40);
            dialog.stage().setY(40);
            dialog.stage().setWidth(1100);
            dialog.stage().setHeight(760);
            follow.formatProperty().set(StreamFormat.HEX);
            return null;
        });
        // Page on to where the server's first answer comes between the client's chunks.
        waitFor(() -> {
            if (follow.lines().stream().noneMatch(l -> l.side() == StreamSide.SERVER)) {
                follow.nextPage();
            }
            return follow.lines().stream().anyMatch(l -> l.side() == StreamSide.SERVER);
        });
        fx(() -> {
            @SuppressWarnings("unchecked")
            ListView<FollowViewModel.Line> lines = (ListView<FollowViewModel.Line>) dialog.stage().getScene()
                    .lookup(".follow-lines");
            int server = 0;
            while (follow.lines().get(server).side() != StreamSide.SERVER) {
                server++;
            }
            lines.scrollTo(Math.max(0, server - 1));
            return null;
        });
        Thread.sleep(1500);
        WritableImage image = fx(() -> dialog.stage().getScene().snapshot(null));
        writePng(image, png);
        System.out.println("wrote " + png);
        Platform.exit();
        node.removeNode();
        System.exit(0);
    }

    /** A minimal PNG writer (RGB, 8 bits, one IDAT), so the tool needs neither javafx-swing nor ImageMagick. */
    private static void writePng(WritableImage image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        PixelReader pixels = image.getPixelReader();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < height; y++) {
            raw.write(0); // filter: none
            for (int x = 0; x < width; x++) {
                int argb = pixels.getArgb(x, y);
                raw.write((argb >> 16) & 0xff);
                raw.write((argb >> 8) & 0xff);
                raw.write(argb & 0xff);
            }
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed, new Deflater(9))) {
            raw.writeTo(deflate);
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                    .put((byte) 0).put((byte) 0).put((byte) 0).array());
            chunk(out, "IDAT", compressed.toByteArray());
            chunk(out, "IEND", new byte[0]);
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!fx(condition)) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(100);
        }
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
