package org.braid.ui.controller;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.braid.ui.packets.PacketColor;
import org.braid.ui.viewmodel.ConversationColoring;

/**
 * View > Coloring Rules: the packet list's colours, each drawn as the list draws it, with what
 * gives a packet that colour, with the conversations coloured for now (Colorize Conversation)
 * on top; read-only. A packet takes the first rule that applies, top to bottom.
 */
final class ColoringLegend {
    private static final Map<PacketColor, String[]> RULES = new EnumMap<>(PacketColor.class);

    static {
        RULES.put(PacketColor.MALFORMED, new String[] {"Malformed", "The decoder found the packet damaged: bad lengths, "
                + "truncated headers or options"});
        RULES.put(PacketColor.CHECKSUM_FAILED, new String[] {"DSS checksum failed", "mptcp.checksum.failed: the DSS "
                + "checksum carried does not match the one computed over the mapped data"});
        RULES.put(PacketColor.RESET, new String[] {"Reset", "TCP RST, MP_TCPRST or MP_FASTCLOSE"});
        RULES.put(PacketColor.REINJECTION, new String[] {"MPTCP reinjection", "mptcp.reinjection: data first sent on "
                + "another subflow of the connection"});
        RULES.put(PacketColor.TCP_RETRANSMISSION, new String[] {"TCP retransmission",
            "tcp.analysis.retransmission: data sent again on the same subflow"});
        RULES.put(PacketColor.MPTCP_SIGNALLING, new String[] {"MPTCP signalling", "MP_CAPABLE, MP_JOIN, ADD_ADDR, "
                + "REMOVE_ADDR, MP_PRIO, MP_FAIL, DATA_FIN..."});
        RULES.put(PacketColor.TCP_HANDSHAKE, new String[] {"TCP SYN/FIN", "TCP SYN or FIN without MPTCP signalling"});
        RULES.put(PacketColor.MPTCP_DATA, new String[] {"MPTCP data", "MPTCP data and acknowledgements (DSS only)"});
        RULES.put(PacketColor.NONE, new String[] {"Other", "Everything else"});
    }

    private ColoringLegend() {}

    /** A line of the legend: a rule's name, what it applies to, and the style class its rows wear. */
    record Line(String name, String meaning, String styleClass) {}

    /** The lines: the temporary conversation colours first (they take precedence), then the rules. */
    static java.util.List<Line> lines(java.util.List<ConversationColoring.Rule> temporary) {
        java.util.List<Line> lines = new java.util.ArrayList<>();
        for (ConversationColoring.Rule rule : temporary) {
            lines.add(new Line("Conversation: " + rule.name(), rule.filter() + " (Colorize Conversation, "
                    + rule.color().title().toLowerCase(java.util.Locale.ROOT) + "; until Reset Colorization)",
                    rule.color().styleClass()));
        }
        for (PacketColor color : PacketColor.values()) {
            lines.add(new Line(rule(color)[0], rule(color)[1], color.styleClass()));
        }
        return lines;
    }

    /** The rules in the order they apply, as a table whose rows wear the list's colours. */
    static TableView<Line> table(java.util.List<ConversationColoring.Rule> temporary) {
        TableView<Line> table = new TableView<>(FXCollections.observableArrayList(lines(temporary)));
        table.getStyleClass().addAll("packet-list", "coloring-legend");
        TableColumn<Line, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().name()));
        name.setPrefWidth(230);
        TableColumn<Line, String> meaning = new TableColumn<>("Applies to");
        meaning.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().meaning()));
        meaning.setPrefWidth(560);
        table.getColumns().add(name);
        table.getColumns().add(meaning);
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(Line item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(style -> style.startsWith("packet-") || style.startsWith("conversation-"));
                if (!empty && item != null) {
                    getStyleClass().add(item.styleClass());
                }
            }
        });
        table.setPrefSize(820, 300);
        return table;
    }

    static void show(Window owner, java.util.List<String> stylesheets, java.util.List<ConversationColoring.Rule> temporary) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Coloring Rules");
        dialog.setHeaderText("A packet takes the first rule that applies, top to bottom");
        dialog.getDialogPane().getStylesheets().addAll(stylesheets);
        dialog.getDialogPane().setContent(table(temporary));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }

    private static String[] rule(PacketColor color) {
        return RULES.getOrDefault(color, new String[] {color.name(), ""});
    }
}
