package org.braid.ui.controller;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.braid.model.ChecksumVerdict;
import org.braid.model.MptcpEvent;
import org.braid.model.Reinjection;
import org.braid.ui.analysis.ChecksumRow;
import org.braid.ui.analysis.TraceAnalysis;
import org.braid.ui.charts.ChartKind;
import org.braid.ui.charts.ChartTabs;
import org.braid.ui.packets.StandardColumn;
import org.braid.ui.viewmodel.AnalysisViewModel;
import org.jfree.chart.fx.ChartViewer;

/**
 * The tabs beside the packet panes: the charted connection's charts ({@link ChartTabs}) and its
 * reinjection, event and (with DSS checksums) checksum tables (analysis_tabs.fxml). Only wiring:
 * a table row jumps to its packet on a click or Enter, and every table sorts by its headers.
 */
public final class AnalysisTabsController {
    private final AnalysisViewModel viewModel;
    private ChartTabs charts;
    @FXML private TabPane tabs;
    @FXML private Tab reinjectionTab;
    @FXML private Tab eventTab;
    @FXML private Tab checksumTab;
    @FXML private TableView<Reinjection> reinjections;
    @FXML private TableColumn<Reinjection, Long> reinjectionPacket;
    @FXML private TableColumn<Reinjection, Long> reinjectionTime;
    @FXML private TableColumn<Reinjection, String> reinjectionSubflows;
    @FXML private TableColumn<Reinjection, Long> reinjectionDsn;
    @FXML private TableColumn<Reinjection, Long> reinjectionBytes;
    @FXML private TableColumn<Reinjection, Long> reinjectionDelay;
    @FXML private TableColumn<Reinjection, String> reinjectionOriginals;
    @FXML private TableView<MptcpEvent> events;
    @FXML private TableColumn<MptcpEvent, Long> eventTime;
    @FXML private TableColumn<MptcpEvent, String> eventType;
    @FXML private TableColumn<MptcpEvent, Long> eventPacket;
    @FXML private TableColumn<MptcpEvent, String> eventSubflow;
    @FXML private TableColumn<MptcpEvent, String> eventDetail;
    @FXML private TableView<ChecksumRow> checksums;
    @FXML private TableColumn<ChecksumRow, Long> checksumPacket;
    @FXML private TableColumn<ChecksumRow, String> checksumSubflow;
    @FXML private TableColumn<ChecksumRow, Long> checksumDsn;
    @FXML private TableColumn<ChecksumRow, Integer> checksumLength;
    @FXML private TableColumn<ChecksumRow, String> checksumVerdict;
    @FXML private TableColumn<ChecksumRow, String> checksumValue;
    @FXML private TableColumn<ChecksumRow, String> checksumAftermath;

    public AnalysisTabsController(AnalysisViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        charts = new ChartTabs(packet -> viewModel.jumpTo(packet + 1L), viewModel.chartDirectionProperty());
        tabs.getTabs().addAll(0, charts.tabs());
        tabs.getSelectionModel().select(0);
        wireReinjections();
        wireEvents();
        wireChecksums();
        tabs.getTabs().add(ExpertInfoController.tab(viewModel.expert()));
        tabs.getTabs().remove(checksumTab);
        // Only a connection with DSS checksums has verdicts to show.
        viewModel.checksumsNegotiatedProperty().addListener((o, was, now) -> showChecksumTab(now));
        viewModel.checksums().addListener((ListChangeListener<ChecksumRow>) c -> retitle());
        viewModel.reinjections().addListener((ListChangeListener<Reinjection>) c -> retitle());
        viewModel.events().addListener((ListChangeListener<MptcpEvent>) c -> retitle());
        viewModel.chartDataProperty().addListener((o, was, now) -> showCharts());
        viewModel.chartingProperty().addListener((o, was, now) -> showCharts());
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> charts.make(charts.kindOf(now)));
        showCharts();
    }

    private void showCharts() {
        charts.show(viewModel.chartDataProperty().get(), viewModel.chartingProperty().get(), visibleChart());
    }

    private ChartKind visibleChart() {
        return charts.kindOf(tabs.getSelectionModel().getSelectedItem());
    }

    private void wireReinjections() {
        TableColumns.bind(reinjectionPacket, Reinjection::packet, String::valueOf);
        TableColumns.bind(reinjectionTime, Reinjection::timeNanos, this::time);
        TableColumns.text(reinjectionSubflows, r -> subflow(r.fromFlow()) + " \u2192 " + subflow(r.toFlow()));
        TableColumns.bind(reinjectionDsn, Reinjection::dsn, String::valueOf);
        TableColumns.bind(reinjectionBytes, Reinjection::bytes, String::valueOf);
        // Seconds, as the CSV report writes them.
        TableColumns.bind(reinjectionDelay, Reinjection::delayNanos, StandardColumn::relativeSeconds);
        TableColumns.text(reinjectionOriginals,
                r -> String.join(", ", r.originalPackets().stream().map(String::valueOf).toList()));
        jumpFrom(reinjections, Reinjection::packet, r -> null);
        TableColumns.sortable(reinjections, viewModel.reinjections());
    }

    private void wireEvents() {
        TableColumns.bind(eventTime, MptcpEvent::timeNanos, this::time);
        TableColumns.text(eventType, e -> e.type().name());
        TableColumns.bind(eventPacket, MptcpEvent::packet, String::valueOf);
        TableColumns.text(eventSubflow, e -> subflow(e.flow()));
        TableColumns.text(eventDetail, MptcpEvent::detail);
        jumpFrom(events, MptcpEvent::packet, e -> null);
        TableColumns.sortable(events, viewModel.events());
    }

    private void wireChecksums() {
        TableColumns.bind(checksumPacket, ChecksumRow::packet, String::valueOf);
        TableColumns.text(checksumSubflow, r -> subflow(r.flow()));
        TableColumns.bind(checksumDsn, ChecksumRow::relativeDsn, String::valueOf);
        TableColumns.bind(checksumLength, ChecksumRow::length, String::valueOf);
        TableColumns.text(checksumVerdict, r -> r.verdict().name().toLowerCase(Locale.ROOT));
        TableColumns.text(checksumValue, ChecksumRow::checksum);
        TableColumns.text(checksumAftermath, ChecksumRow::aftermath);
        jumpFrom(checksums, ChecksumRow::packet, r -> r.verdict() == ChecksumVerdict.FAILED ? "checksum-failed" : null);
        TableColumns.sortable(checksums, viewModel.checksums());
    }

    /** Rows jump to their packet on a click or Enter, and take the style class {@code style} names (or none). */
    private <T> void jumpFrom(TableView<T> table, ToLongFunction<T> packet, Function<T, String> style) {
        table.setRowFactory(view -> new TableRow<>() {
            {
                setOnMouseClicked(event -> {
                    if (event.getButton() == MouseButton.PRIMARY && !isEmpty()) {
                        viewModel.jumpTo(packet.applyAsLong(getItem()));
                    }
                });
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("checksum-failed");
                String styleClass = empty || item == null ? null : style.apply(item);
                if (styleClass != null) {
                    getStyleClass().add(styleClass);
                }
            }
        });
        table.setOnKeyPressed(event -> {
            T selected = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null) {
                viewModel.jumpTo(packet.applyAsLong(selected));
                event.consume();
            }
        });
    }

    private void showChecksumTab(boolean show) {
        if (show && !tabs.getTabs().contains(checksumTab)) {
            tabs.getTabs().add(checksumTab);
        } else if (!show) {
            tabs.getTabs().remove(checksumTab);
        }
    }

    private void retitle() {
        long failed = viewModel.checksums().stream().filter(r -> r.verdict() == ChecksumVerdict.FAILED).count();
        checksumTab.setText("Checksums (" + viewModel.checksums().size() + ", " + failed + " failed)");
        reinjectionTab.setText("Reinjections (" + viewModel.reinjections().size() + ")");
        eventTab.setText("Events (" + viewModel.events().size() + ")");
    }

    private String time(long nanos) {
        var trace = viewModel.trace();
        long first = trace == null || trace.index().size() == 0 ? 0 : trace.index().timestampNanos(0);
        return StandardColumn.relativeSeconds(nanos - first);
    }

    private String subflow(int flow) {
        var trace = viewModel.trace();
        int position = trace == null ? TraceAnalysis.NONE : trace.analysis().subflowOfFlow(flow);
        return position == TraceAnalysis.NONE ? "flow " + flow : Integer.toString(position);
    }

    /** Zooms the shown chart about its centre (see {@link ChartTabs#zoom}); false when no chart is shown. */
    public boolean zoom(double factor) {
        return charts.zoom(visibleChart(), factor);
    }

    public ChartViewer viewer(ChartKind kind) {
        return charts.viewer(kind);
    }

    public TabPane tabs() { return tabs; }
    public TableView<Reinjection> reinjections() { return reinjections; }
    public TableView<MptcpEvent> events() { return events; }
    public TableView<ChecksumRow> checksums() { return checksums; }
}
