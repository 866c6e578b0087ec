package org.braid.ui.viewmodel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.braid.stream.FollowDirection;
import org.braid.stream.FollowTarget;
import org.braid.stream.FollowedStream;
import org.braid.stream.StreamChunk;
import org.braid.stream.StreamFollower;
import org.braid.stream.StreamFormat;
import org.braid.stream.StreamHole;
import org.braid.stream.StreamItem;
import org.braid.stream.StreamSide;
import org.braid.stream.StreamText;

/**
 * The Follow Stream dialog's state: the followed stream (read in the background), the page of
 * it shown, in the chosen direction and format, find, save, and the hooks back to the main
 * window (filter the packet list, select a packet). A page holds about {@link #PAGE_CHARACTERS}
 * characters of text; only its chunks' bytes are read from the trace, so a stream of any size
 * shows its first page at once and pages through the rest.
 */
public final class FollowViewModel implements AutoCloseable {
    /** Characters of text a page holds, about 64 KB of stream bytes as ASCII, 16 KB as a hex dump. */
    public static final int PAGE_CHARACTERS = 64 * 1024;
    /** Pages searched forward per Find Next, so a search of a huge stream stays responsive. */
    static final int FIND_PAGES = 64;

    /**
     * One shown line of the stream: a chunk's text (with the side and subflow that colour it and
     * the packet a click selects) or a hole's notice.
     */
    public record Line(boolean hole, StreamSide side, int subflow, long packetNumber, String text, String details) {}

    private final Path trace;
    private final FollowTarget target;
    private final Executor background;
    private final Consumer<String> filter;
    private final IntConsumer selectPacket;
    private final ObjectProperty<FollowDirection> direction = new SimpleObjectProperty<>(FollowDirection.BOTH);
    private final ObjectProperty<StreamFormat> format = new SimpleObjectProperty<>(StreamFormat.ASCII);
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final IntegerProperty page = new SimpleIntegerProperty();
    private final BooleanProperty lastPage = new SimpleBooleanProperty(true);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty summary = new SimpleStringProperty("Reading the trace\u2026");
    private final StringProperty status = new SimpleStringProperty("");
    /** The item number each page starts at; page p covers items [pageStarts[p], pageStarts[p + 1]). */
    private final List<Long> pageStarts = new ArrayList<>(List.of(0L));
    private FollowedStream stream;

    public FollowViewModel(Path trace, FollowTarget target, Executor background, Consumer<String> filter,
                           IntConsumer selectPacket) {
        this.trace = trace;
        this.target = target;
        this.background = background;
        this.filter = filter;
        this.selectPacket = selectPacket;
        direction.addListener((o, was, now) -> restart());
        format.addListener((o, was, now) -> restart());
    }

    /** Reads the trace in the background and shows the first page. */
    public void load() {
        run("Reading " + trace.getFileName(), () -> StreamFollower.follow(trace, target), followed -> {
            stream = followed;
            summary.set(summaryOf(followed));
            restart();
        });
    }

    private static String summaryOf(FollowedStream s) {
        return String.format(Locale.ROOT, "%s: client %s sent %,d bytes%s, server %s sent %,d bytes%s",
                s.target(), s.client(), s.capturedBytes(StreamSide.CLIENT), missing(s, StreamSide.CLIENT),
                s.server(), s.capturedBytes(StreamSide.SERVER), missing(s, StreamSide.SERVER));
    }

    private static String missing(FollowedStream s, StreamSide side) {
        if (s.complete(side)) {
            return "";
        }
        String start = s.startKnown(side) ? "" : ", start not captured";
        return String.format(Locale.ROOT, " (%,d missing%s)", s.missingBytes(side), start);
    }

    private void restart() {
        pageStarts.clear();
        pageStarts.add(0L);
        showPage(0);
    }

    public void nextPage() {
        if (!lastPage.get()) {
            showPage(page.get() + 1);
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            showPage(page.get() - 1);
        }
    }

    private void showPage(int number) {
        if (stream == null) {
            return;
        }
        try {
            List<Line> shown = new ArrayList<>();
            long next = render(pageStarts.get(number), shown);
            if (number + 1 == pageStarts.size() && next >= 0) {
                pageStarts.add(next);
            }
            page.set(number);
            lastPage.set(next < 0);
            lines.setAll(shown);
            status.set(String.format(Locale.ROOT, "Page %d%s", number + 1, next < 0 ? " (last)" : ""));
        } catch (IOException e) {
            status.set("Could not read the trace: " + e.getMessage());
        }
    }

    /** Renders the page starting at item {@code first} into {@code out}; returns the next page's first item, or -1. */
    private long render(long first, List<Line> out) throws IOException {
        Iterator<StreamItem> items = stream.items(direction.get());
        long item = 0;
        for (; item < first && items.hasNext(); item++) {
            items.next();
        }
        byte[] bytes = new byte[65536];
        int characters = 0;
        while (items.hasNext()) {
            if (characters >= PAGE_CHARACTERS) {
                return item;
            }
            Line line = line(stream, format.get(), items.next(), bytes);
            out.add(line);
            characters += line.text().length();
            item++;
        }
        return -1;
    }

    private static Line line(FollowedStream stream, StreamFormat format, StreamItem item, byte[] bytes)
            throws IOException {
        String positions = stream.positionName();
        if (item instanceof StreamHole hole) {
            return new Line(true, hole.side(), -1, -1, StreamText.hole(hole, positions), "");
        }
        StreamChunk chunk = (StreamChunk) item;
        byte[] buffer = chunk.length() <= bytes.length ? bytes : new byte[chunk.length()];
        stream.read(chunk, buffer, 0);
        StringBuilder text = new StringBuilder();
        String name = (chunk.side() == StreamSide.CLIENT ? "peer0_" : "peer1_") + chunk.packetNumber();
        StreamText.render(format, buffer, chunk.length(), chunk.start(), name, text);
        boolean lineFormat = format == StreamFormat.HEX || format == StreamFormat.C_ARRAY || format == StreamFormat.RAW;
        if (lineFormat && text.length() > 0 && text.charAt(text.length() - 1) == '\n') {
            text.setLength(text.length() - 1);
        }
        return new Line(false, chunk.side(), chunk.subflow(), chunk.packetNumber(), text.toString(),
                StreamText.describe(chunk, positions));
    }

    /**
     * Finds {@code text} in the lines after {@code afterLine} (-1: from the top of the page), going
     * on through the next pages (up to {@value #FIND_PAGES} a call). Returns the line index on the
     * page then shown, or -1.
     */
    public int find(String text, int afterLine) {
        if (stream == null || text.isEmpty()) {
            return -1;
        }
        String needle = text.toLowerCase(Locale.ROOT);
        int start = afterLine + 1;
        for (int searched = 0; searched <= FIND_PAGES; searched++) {
            for (int i = start; i < lines.size(); i++) {
                if (lines.get(i).text().toLowerCase(Locale.ROOT).contains(needle)) {
                    status.set(String.format(Locale.ROOT, "Page %d: found \"%s\"", page.get() + 1, text));
                    return i;
                }
            }
            if (lastPage.get()) {
                status.set("\"" + text + "\" not found before the end of the stream");
                return -1;
            }
            showPage(page.get() + 1);
            start = 0;
        }
        status.set(String.format(Locale.ROOT, "\"%s\" not found up to page %d; Find again goes on", text,
                page.get() + 1));
        return -1;
    }

    /** Writes the bytes {@code side} sent, in stream order (holes left out), to {@code file}. */
    public void saveBytes(StreamSide side, Path file, Runnable done) {
        FollowedStream followed = stream;
        run("Saving " + file.getFileName(), () -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                return followed.writeBytes(side, out);
            }
        }, written -> {
            status.set(String.format(Locale.ROOT, "Saved %,d bytes the %s sent to %s", written, side.label(),
                    file.getFileName()));
            done.run();
        });
    }

    /** Writes the whole stream as shown (direction and format, every page) to {@code file}. */
    public void saveText(Path file, Runnable done) {
        FollowDirection shownDirection = direction.get();
        StreamFormat shownFormat = format.get();
        FollowedStream followed = stream;
        run("Saving " + file.getFileName(), () -> {
            long count = 0;
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                Iterator<StreamItem> items = followed.items(shownDirection);
                byte[] bytes = new byte[65536];
                while (items.hasNext()) {
                    out.write(line(followed, shownFormat, items.next(), bytes).text());
                    out.write('\n');
                    count++;
                }
            }
            return count;
        }, count -> {
            status.set("Saved the shown text to " + file.getFileName());
            done.run();
        });
    }

    /** Hides this stream's packets in the main window's packet list. */
    public void filterOut() {
        filter.accept("!(" + target.filter() + ")");
    }

    /** Shows only this stream's packets in the main window's packet list. */
    public void filterOnly() {
        filter.accept(target.filter());
    }

    /** Selects the packet that carried {@code line} in the main window. */
    public void select(Line line) {
        if (line != null && line.packetNumber() > 0) {
            selectPacket.accept((int) (line.packetNumber() - 1));
        }
    }

    private <T> void run(String what, Callable<T> work, Consumer<T> then) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        busy.set(true);
        status.set(what + "\u2026");
        task.setOnSucceeded(e -> {
            busy.set(false);
            then.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            busy.set(false);
            Throwable error = task.getException();
            status.set(what + " failed: " + (error.getMessage() == null ? error : error.getMessage()));
            if (stream == null) {
                summary.set("Could not follow " + target + ": " + error.getMessage());
            }
        });
        background.execute(task);
    }

    public FollowTarget target() { return target; }
    /** The stream once read, or null. */
    public FollowedStream stream() { return stream; }
    public ObjectProperty<FollowDirection> directionProperty() { return direction; }
    public ObjectProperty<StreamFormat> formatProperty() { return format; }
    public ObservableList<Line> lines() { return lines; }
    public IntegerProperty pageProperty() { return page; }
    public BooleanProperty lastPageProperty() { return lastPage; }
    public BooleanProperty busyProperty() { return busy; }
    public StringProperty summaryProperty() { return summary; }
    public StringProperty statusProperty() { return status; }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
    }
}
