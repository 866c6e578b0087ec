package org.braid.ui.charts;

import java.util.function.Function;
import org.jfree.chart.JFreeChart;

/** The charts of a connection, in the order of their tabs, with the file name each exports to. */
public enum ChartKind {
    TIMELINE("Timeline", "chart-timeline", ConnectionCharts::timeline),
    THROUGHPUT("Throughput", "chart-throughput", ConnectionCharts::throughput),
    LIFECYCLE("Lifecycle", "chart-lifecycle", ConnectionCharts::lifecycle),
    WINDOW("Receive window", "chart-window", ConnectionCharts::window),
    RTT("RTT", "chart-rtt", PathCharts::rtt),
    IN_FLIGHT("In flight", "chart-in-flight", PathCharts::inFlight);

    private final String title;
    private final String fileName;
    private final Function<ConnectionChartData, JFreeChart> maker;

    ChartKind(String title, String fileName, Function<ConnectionChartData, JFreeChart> maker) {
        this.title = title;
        this.fileName = fileName;
        this.maker = maker;
    }

    public String title() { return title; }

    /** The PNG file name for connection {@code connection}, e.g. {@code chart-timeline-0.png}. */
    public String fileName(int connection) {
        return fileName + "-" + connection + ".png";
    }

    public JFreeChart create(ConnectionChartData data) {
        return maker.apply(data);
    }
}
