package org.braid.ui.viewmodel;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;
import org.braid.model.AnalysisResult;
import org.braid.report.CsvReport;
import org.braid.report.JsonReport;
import org.braid.report.ReportFolder;
import org.braid.report.TraceIdentity;
import org.braid.ui.charts.ChartImages;
import org.braid.ui.charts.ConnectionChartData;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.PacketExport;
import org.braid.ui.packets.PacketRows;

/**
 * The Export menu's actions, each written in the background and reported in a dialog when done
 * or failed: the analysis as CSV files and JSON, the shown packets as pcapng, the charts as PNG.
 */
public final class ExportViewModel {
    private final Executor background;
    private final Supplier<LoadedTrace> trace;
    private final Supplier<PacketRows> rows;
    private final Supplier<String> appliedFilter;
    private final Supplier<ConnectionChartData> chartData;
    private final Consumer<UserMessage> messages;
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");

    ExportViewModel(Executor background, Supplier<LoadedTrace> trace, Supplier<PacketRows> rows,
                    Supplier<String> appliedFilter, Supplier<ConnectionChartData> chartData,
                    Consumer<UserMessage> messages) {
        this.background = background;
        this.trace = trace;
        this.rows = rows;
        this.appliedFilter = appliedFilter;
        this.chartData = chartData;
        this.messages = messages;
    }

    /** Writes the connection report's CSV files (as {@code braid report} does) into {@code directory}. */
    public void exportCsv(Path directory) {
        LoadedTrace shown = trace.get();
        if (shown == null) {
            return;
        }
        AnalysisResult result = shown.analysis().result();
        run("Export CSV report", directory, () -> {
            List<Path> written = CsvReport.write(result, directory, shown.path() == null ? TraceIdentity.UNKNOWN : TraceIdentity.of(shown.path()));
            return String.join("\n", written.stream().map(Path::toString).toList());
        });
    }

    /** Writes the analysis as the {@code braid analyze --json} document to {@code target}. */
    public void exportJson(Path target) {
        LoadedTrace shown = trace.get();
        if (shown == null) {
            return;
        }
        AnalysisResult result = shown.analysis().result();
        run("Export JSON", target, () -> {
            ReportFolder.writeFile(target, out -> JsonReport.write(result, out));
            return "Analysis written to " + target;
        });
    }

    /** Writes the packets the list shows to {@code target} as pcapng. */
    public void exportPackets(Path target) {
        LoadedTrace shown = trace.get();
        PacketRows packets = rows.get();
        String filter = appliedFilter.get();
        if (shown == null) {
            return;
        }
        String comment = "Exported by Braid from " + shown.displayName()
                + (filter.isEmpty() ? "" : " with display filter: " + filter);
        run("Export packets", target, () -> {
            long written = PacketExport.write(shown, packets, target, comment, done -> { });
            return written + " packets written to " + target;
        });
    }

    /** Writes every chart of the charted connection into {@code directory} as PNG. */
    public void exportCharts(Path directory) {
        ConnectionChartData data = chartData.get();
        if (data == null) {
            messages.accept(new UserMessage(UserMessage.Kind.INFO, "Export charts", "No chart to export",
                    "Select an MPTCP connection in the connections panel and wait for its charts."));
            return;
        }
        run("Export charts", directory, () -> {
            List<Path> files = ChartImages.writeAll(data, directory);
            return files.size() + " charts written:\n" + String.join("\n", files.stream().map(Path::toString).toList());
        });
    }

    /** Runs {@code work} in the background and tells the user how it went. */
    void run(String what, Path target, Callable<String> work) {
        Task<String> task = new Task<>() {
            @Override
            protected String call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            exporting.set(false);
            messages.accept(new UserMessage(UserMessage.Kind.INFO, what, what + ": done", task.getValue()));
        });
        task.setOnFailed(e -> {
            exporting.set(false);
            messages.accept(new UserMessage(UserMessage.Kind.ERROR, what, what + " failed: " + target,
                    String.valueOf(task.getException())));
        });
        exporting.set(true);
        background.execute(task);
    }

    /** True while an export runs. */
    public ReadOnlyBooleanProperty exportingProperty() { return exporting.getReadOnlyProperty(); }
}
