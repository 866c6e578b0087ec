package org.braid.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.braid.ui.prefs.UiPreferences;

/** What the README's screenshot tools share: running on the FX thread, waiting, and writing PNGs. */
final class ScreenshotTools {
    /** Throw-away preferences, so a screenshot run neither reads nor changes the user's. */
    private static final Preferences PREFERENCES =
            Preferences.userRoot().node("org/braid/ui-screenshots/" + System.nanoTime());
    static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "screenshot-background");
        thread.setDaemon(true);
        return thread;
    });

    private ScreenshotTools() {}

    /** Starts JavaFX, opens the window at the screen's top left with {@code trace}, and waits for it to load. */
    static MainWindow openWindow(Path trace, int width, int height) throws Exception {
        Platform.startup(() -> { });
        MainWindow window = fx(() -> {
            Stage stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            MainWindow made = MainWindow.create(stage, new UiPreferences(PREFERENCES), BACKGROUND);
            stage.show();
            made.open(trace);
            return made;
        });
        waitFor(() -> window.viewModel().traceProperty().get() != null && !window.viewModel().busyProperty().get());
        return window;
    }

    /** Ends the run: closes JavaFX and removes the throw-away preferences. */
    static void finish() throws BackingStoreException {
        Platform.exit();
        PREFERENCES.removeNode();
        System.exit(0);
    }

    /** Writes what {@code node} shows, as drawn on screen, to {@code file} as PNG. */
    static void capture(Node node, Path file) throws Exception {
        write(fx(() -> node.snapshot(null, null)), file);
    }

    /** Writes a JavaFX image as PNG (pixels copied into an AWT image: no extra tool needed). */
    static void write(WritableImage image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getPixelReader().getPixels(0, y, width, 1, PixelFormat.getIntArgbInstance(), row, 0, width);
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        if (!ImageIO.write(out, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
        System.out.println("wrote " + file + " (" + width + "x" + height + ")");
    }

    /** Gives layout, charts and background tasks time to draw. */
    static void settle() throws InterruptedException {
        Thread.sleep(1500);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!fx(condition)) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(100);
        }
    }

    static <T> T fx(Callable<T> action) throws Exception {
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
