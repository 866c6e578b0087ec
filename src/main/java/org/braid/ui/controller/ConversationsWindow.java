package org.braid.ui.controller;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.braid.ui.analysis.Conversations;
import org.braid.ui.analysis.Conversations.Conversation;
import org.braid.ui.viewmodel.ConversationsViewModel;
import org.braid.ui.viewmodel.FilterCombination;
import org.braid.ui.viewmodel.MainViewModel;

/**
 * Statistics > Conversations, like Wireshark's: one tab each for MPTCP connections, TCP streams,
 * IPv4 and IPv6 address pairs, every column sortable. A double click (or Enter) on a conversation
 * filters the main window to it; the right-click menu also prepares the filter, joins it with the
 * bar's, and colours the conversation's packets.
 */
final class ConversationsWindow {
    private static final String[] TABS = {"MPTCP", "TCP", "IPv4", "IPv6"};

    private final ConversationsViewModel viewModel;
    private final MainViewModel main;
    private final Stage stage = new Stage();
    private final TabPane tabs = new TabPane();
    private final List<ObservableList<Conversation>> rows = List.of(FXCollections.observableArrayList(),
            FXCollections.observableArrayList(), FXCollections.observableArrayList(), FXCollections.observableArrayList());

    private ConversationsWindow(Window owner, MainViewModel main) {
        this.main = main;
        this.viewModel = main.conversations();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (int i = 0; i < TABS.length; i++) {
            Tab tab = new Tab(TABS[i], table(i));
            tab.setId("conversations-" + TABS[i].toLowerCase(Locale.ROOT));
            tabs.getTabs().add(tab);
        }
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(viewModel.progressProperty());
        Label status = new Label("Counting conversations\u2026");
        HBox bar = new HBox(8, status, progress);
        bar.getStyleClass().add("status-bar");
        bar.visibleProperty().bind(viewModel.busyProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        BorderPane root = new BorderPane(tabs);
        root.setBottom(bar);
        Scene scene = new Scene(root, 1240, 420);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        if (owner.getScene().getRoot() != null) {
            scene.getStylesheets().addAll(owner.getScene().getRoot().getStylesheets());
        }
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.titleProperty().bind(main.titleProperty().map(title -> "Conversations \u00b7 " + title));
        viewModel.conversationsProperty().addListener((o, was, now) -> show(now));
        stage.setOnHidden(e -> viewModel.close());
    }

    /** Opens the window over {@code owner} and counts the shown trace's conversations. */
    static Stage show(Window owner, MainViewModel main) {
        ConversationsWindow window = new ConversationsWindow(owner, main);
        window.show(main.conversations().conversationsProperty().get());
        window.stage.show();
        main.conversations().open();
        return window.stage;
    }

    private void show(Conversations found) {
        List<List<Conversation>> lists = found == null ? List.of(List.of(), List.of(), List.of(), List.of())
                : List.of(found.mptcp(), found.tcp(), found.ipv4(), found.ipv6());
        for (int i = 0; i < TABS.length; i++) {
            rows.get(i).setAll(lists.get(i));
            tabs.getTabs().get(i).setText(TABS[i] + " \u00b7 " + lists.get(i).size());
        }
    }

    private TableView<Conversation> table(int tab) {
        TableView<Conversation> table = new TableView<>();
        table.setId("conversations-table-" + TABS[tab].toLowerCase(Locale.ROOT));
        boolean mptcp = tab == 0;
        boolean ip = tab >= 2;
        String a = mptcp ? "Client" : ip ? "Address A" : "Endpoint A";
        String b = mptcp ? "Server" : ip ? "Address B" : "Endpoint B";
        text(table, a, Conversation::a);
        text(table, b, Conversation::b);
        if (mptcp) {
            number(table, "Subflows", c -> (long) c.subflows());
        }
        number(table, "Packets", Conversation::packets);
        number(table, "Bytes (B)", Conversation::bytes);
        number(table, "Packets " + (mptcp ? "C\u2192S" : "A\u2192B"), Conversation::packetsAtoB);
        number(table, "Bytes " + (mptcp ? "C\u2192S" : "A\u2192B") + " (B)", Conversation::bytesAtoB);
        number(table, "Packets " + (mptcp ? "S\u2192C" : "B\u2192A"), Conversation::packetsBtoA);
        number(table, "Bytes " + (mptcp ? "S\u2192C" : "B\u2192A") + " (B)", Conversation::bytesBtoA);
        seconds(table, "Rel. Start (s)", Conversation::startNanos);
        seconds(table, "Duration (s)", Conversation::durationNanos);
        TableColumns.sortable(table, rows.get(tab));
        table.setPlaceholder(new Label("No " + TABS[tab] + " conversations"));
        table.setRowFactory(view -> {
            TableRow<Conversation> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && row.getItem() != null) {
                    viewModel.applyAsFilter(row.getItem(), FilterCombination.SELECTED, true);
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            Conversation selected = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null) {
                viewModel.applyAsFilter(selected, FilterCombination.SELECTED, true);
            }
        });
        ContextMenu menu = new ContextMenu();
        menu.setOnShowing(e -> menu.getItems().setAll(menuItems(table.getSelectionModel().getSelectedItem())));
        menu.getItems().add(new MenuItem());
        table.setContextMenu(menu);
        return table;
    }

    private List<MenuItem> menuItems(Conversation selected) {
        Menu apply = filterMenu("Apply as Filter", selected, true);
        Menu prepare = filterMenu("Prepare as Filter", selected, false);
        Menu colorize = ConversationColorMenu.menu(main, selected == null ? null : selected.filter(),
                selected == null ? "" : selected.a() + " \u2194 " + selected.b());
        return List.of(apply, prepare, colorize);
    }

    private Menu filterMenu(String title, Conversation selected, boolean apply) {
        Menu submenu = new Menu(title);
        for (FilterCombination how : FilterCombination.values()) {
            MenuItem item = new MenuItem(how.label());
            item.setOnAction(e -> viewModel.applyAsFilter(selected, how, apply));
            submenu.getItems().add(item);
        }
        submenu.setDisable(selected == null);
        return submenu;
    }

    private static void text(TableView<Conversation> table, String title, Function<Conversation, String> value) {
        TableColumn<Conversation, String> column = new TableColumn<>(title);
        TableColumns.text(column, value);
        table.getColumns().add(column);
    }

    private static void number(TableView<Conversation> table, String title, Function<Conversation, Long> value) {
        TableColumn<Conversation, Long> column = new TableColumn<>(title);
        TableColumns.bind(column, value, String::valueOf);
        column.setStyle("-fx-alignment: center-right;");
        table.getColumns().add(column);
    }

    private static void seconds(TableView<Conversation> table, String title, Function<Conversation, Long> nanos) {
        TableColumn<Conversation, Long> column = new TableColumn<>(title);
        TableColumns.bind(column, nanos, n -> String.format(Locale.ROOT, "%.6f", n / 1e9));
        column.setStyle("-fx-alignment: center-right;");
        table.getColumns().add(column);
    }
}
