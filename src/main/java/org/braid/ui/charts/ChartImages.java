package org.braid.ui.charts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Writes a connection's charts as PNG images, the way they look in the window. */
public final class ChartImages {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 700;

    private ChartImages() {}

    /** Writes every chart of {@code data} into {@code directory}; returns the files written. */
    public static List<Path> writeAll(ConnectionChartData data, Path directory) throws IOException {
        List<Path> written = new ArrayList<>();
        for (ChartKind kind : ChartKind.values()) {
            written.add(write(kind, data, directory.resolve(kind.fileName(data.connection()))));
        }
        return written;
    }

    public static Path write(ChartKind kind, ConnectionChartData data, Path file) throws IOException {
        BufferedImage image = kind.create(data).createBufferedImage(WIDTH, HEIGHT);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this Java runtime");
        }
        return file;
    }
}
