package org.braid.ui.viewmodel;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import org.braid.ui.tasks.BackgroundTask;
import org.braid.ui.tasks.TaskExecutor;

/**
 * The Export menu's actions, each written in the background and reported in a dialog when done
 * or failed: the analysis as CSV files and JSON, the shown packets as pcapng, the charts as PNG.
 */
public final class ExportViewModel {
    private final TaskExecutor tasks;
    private final Supplier<LoadedTrace> trace;
    private final Supplier<PacketRows> rows;
    private final Supplier<String> appliedFilter;
    private final Supplier<ConnectionChartData> chartData;
    private final Consumer<UserMessage> messages;
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");

    ExportViewModel(TaskExecutor tasks, Supplier<LoadedTrace> trace, Supplier<PacketRows> rows,
                    Supplier<String> appliedFilter, Supplier<ConnectionChartData> chartData,
                    Consumer<UserMessage> messages) {
        this.tasks = tasks;
        this.trace = trace;
        this.rows = rows;
        this.appliedFilter = appliedFilter;
        this.chartData = chartData;
        this.messages = messages;
    }

    /**
     * The name exports start with: the trace's file name without its extensions
     * ({@code link_down} for {@code link_down.pcapng.gz}); "braid" with no trace.
     */
    public String baseName() {
        LoadedTrace shown = trace.get();
        if (shown == null) {
            return "braid";
        }
        String name = shown.displayName();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String extension : List.of(".gz", ".pcapng", ".pcap", ".cap")) {
            if (lower.endsWith(extension) && name.length() > extension.length()) {
                name = name.substring(0, name.length() - extension.length());
                lower = lower.substring(0, lower.length() - extension.length());
            }
        }
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
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
        String filter = appliedFilter.get();
        exportRows(target, rows.get(), filter.isEmpty() ? "" : "display filter: " + filter);
    }

    /** Writes {@code packets} to {@code target} as pcapng; {@code which} says which, in the file's comment. */
    void exportRows(Path target, PacketRows packets, String which) {
        LoadedTrace shown = trace.get();
        if (shown == null) {
            return;
        }
        String comment = "Exported by Braid from " + shown.displayName() + (which.isEmpty() ? "" : ", " + which);
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
        BackgroundTask<String> task = BackgroundTask.of(what, progress -> work.call());
        task.onSuccess(done -> {
            exporting.set(false);
            messages.accept(new UserMessage(UserMessage.Kind.INFO, what, what + ": done", done));
        }).onFailure(error -> {
            exporting.set(false);
            messages.accept(new UserMessage(UserMessage.Kind.ERROR, what, what + " failed: " + target,
                    String.valueOf(error)));
        });
        exporting.set(true);
        tasks.execute(task);
    }

    /** True while an export runs. */
    public ReadOnlyBooleanProperty exportingProperty() { return exporting.getReadOnlyProperty(); }
}
