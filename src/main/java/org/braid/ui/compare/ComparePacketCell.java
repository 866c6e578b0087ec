package org.braid.ui.compare;

import java.util.Locale;
import javafx.scene.control.ListCell;
import org.braid.analysis.PacketColumns;
import org.braid.compare.CapturedTrace;
import org.braid.compare.Comparison;

/** A row of the second capture's packet list: number, time, subflow, direction, DSN and its twin in the first. */
final class ComparePacketCell extends ListCell<Integer> {
    private final Comparison comparison;

    ComparePacketCell(Comparison comparison) {
        this.comparison = comparison;
    }

    @Override
    protected void updateItem(Integer item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setStyle(null);
            return;
        }
        int j = item;
        CapturedTrace b = comparison.b();
        Integer subflow = b.subflowPosition(j);
        long dsn = b.columns().relativeDsn(j);
        int twin = comparison.twins().twinOfB(j);
        setText(String.format(Locale.ROOT, "%6d  %10.6f  %s  %s  %s  %s", j + 1L, (b.time(j) - b.time(0)) / 1e9,
                subflow == null ? "-" : "subflow " + subflow,
                subflow == null ? "" : b.fromClient(j) ? "client\u2192server" : "server\u2192client",
                dsn == PacketColumns.NO_DSN ? "" : "dsn " + dsn,
                twin < 0 ? "only in B" : "= A #" + (twin + 1)));
        setStyle(twin < 0 ? "-fx-text-fill: #d62728;" : null);
    }
}
