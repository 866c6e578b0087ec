package org.braid.ui.controller;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.braid.ui.packets.ConversationColor;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.PacketColumn;
import org.braid.ui.packets.PacketSummary;
import org.braid.ui.viewmodel.MainViewModel;

/**
 * The Colorize Conversation menus: one of the ten colours for a conversation's packets, and
 * Reset Colorization, for the connections panel, the conversations window and the packet list.
 */
final class ConversationColorMenu {
    static final String TITLE = "Colorize Conversation";

    private ConversationColorMenu() {}

    /** The menu for the conversation {@code filter} selects, called {@code name}; disabled when null. */
    static Menu menu(MainViewModel main, String filter, String name) {
        Menu menu = new Menu(TITLE);
        menu.getItems().addAll(colors(main, filter, name));
        menu.getItems().addAll(new SeparatorMenuItem(), reset(main));
        menu.getItems().forEach(item -> item.setDisable(filter == null && item != menu.getItems().get(
                menu.getItems().size() - 1)));
        return menu;
    }

    /** The menu for packet {@code index}'s conversations: its MPTCP connection, TCP stream and IP pair. */
    static Menu forPacket(MainViewModel main, int index) {
        Menu menu = new Menu(TITLE);
        LoadedTrace trace = main.traceProperty().get();
        PacketColumn.RowContext context = main.rowContextProperty().get();
        if (trace != null && context != null) {
            int connection = trace.analysis().connectionOfPacket(index);
            int flow = trace.analysis().columns().flowOfPacket(index);
            PacketSummary summary = context.summaries().get(index);
            if (connection >= 0) {
                menu.getItems().add(submenu(main, "MPTCP Connection " + connection, "mptcp.connection == " + connection));
            }
            if (flow >= 0) {
                menu.getItems().add(submenu(main, "TCP Stream " + flow, "tcp.stream == " + flow));
            }
            if (!summary.source().isEmpty() && !summary.destination().isEmpty() && summary.source().matches("[0-9a-fA-F.:]+")
                    && summary.destination().matches("[0-9a-fA-F.:]+")) {
                menu.getItems().add(submenu(main, "IP " + summary.source() + " \u2194 " + summary.destination(),
                        "ip.addr == " + summary.source() + " && ip.addr == " + summary.destination()));
            }
        }
        if (!menu.getItems().isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
        }
        menu.getItems().add(reset(main));
        return menu;
    }

    private static Menu submenu(MainViewModel main, String name, String filter) {
        Menu submenu = new Menu(name);
        submenu.setMnemonicParsing(false);
        submenu.getItems().addAll(colors(main, filter, name));
        return submenu;
    }

    private static List<MenuItem> colors(MainViewModel main, String filter, String name) {
        List<MenuItem> items = new ArrayList<>();
        for (ConversationColor color : ConversationColor.values()) {
            MenuItem item = new MenuItem(color.title(), swatch(color));
            item.setId("colorize-" + color.name().toLowerCase(java.util.Locale.ROOT));
            item.setOnAction(e -> {
                if (filter != null) {
                    main.conversationColoring().colorize(name, filter, color);
                }
            });
            items.add(item);
        }
        return items;
    }

    private static MenuItem reset(MainViewModel main) {
        MenuItem reset = new MenuItem("Reset Colorization");
        reset.setId("colorize-reset");
        reset.setDisable(main.conversationColoring().rules().isEmpty());
        reset.setOnAction(e -> main.conversationColoring().reset());
        return reset;
    }

    static Rectangle swatch(ConversationColor color) {
        Rectangle swatch = new Rectangle(14, 14, Color.web(color.hex()));
        swatch.setStroke(Color.GREY);
        return swatch;
    }
}
