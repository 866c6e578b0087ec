package org.braid.ui.controller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.braid.analysis.PacketColumns;
import org.braid.stream.FollowTarget;
import org.braid.ui.analysis.ConnectionRow;
import org.braid.ui.analysis.Scope;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.PacketRow;
import org.braid.ui.viewmodel.FollowViewModel;
import org.braid.ui.viewmodel.MainViewModel;
import org.braid.ui.viewmodel.UserMessage;

/**
 * Where Follow MPTCP Stream and Follow TCP Stream open from: the Analyze menu, the packet list's
 * context menu and the connections panel's context menu. Each opens its own dialog window.
 */
public final class FollowStreams {
    private static final String FXML = "/fxml/follow_stream.fxml";

    /** An open Follow Stream window and its state, for tests. */
    public record Dialog(Stage stage, FollowViewModel viewModel) {}

    private FollowStreams() {}

    /** Adds the follow items to the packet list's and the connections panel's context menus. */
    static void install(MainViewModel viewModel, TableView<PacketRow> packets,
                        TreeTableView<ConnectionRow> connections) {
        MenuItem packetMptcp = new MenuItem("Follow MPTCP Stream");
        MenuItem packetTcp = new MenuItem("Follow TCP Stream");
        packetMptcp.setOnAction(e -> followSelected(viewModel, packets.getScene().getWindow(), true));
        packetTcp.setOnAction(e -> followSelected(viewModel, packets.getScene().getWindow(), false));
        ContextMenu packetMenu = new ContextMenu(packetMptcp, packetTcp);
        packetMenu.setOnShowing(e -> {
            packetMptcp.setDisable(selected(viewModel, true) == null);
            packetTcp.setDisable(selected(viewModel, false) == null);
        });
        packets.setContextMenu(packetMenu);

        MenuItem connectionMptcp = new MenuItem("Follow MPTCP Stream");
        MenuItem connectionTcp = new MenuItem("Follow TCP Stream");
        connectionMptcp.setOnAction(e -> open(viewModel, connections.getScene().getWindow(),
                FollowTarget.mptcpConnection(scope(connections).connection())));
        connectionTcp.setOnAction(e -> open(viewModel, connections.getScene().getWindow(),
                FollowTarget.tcpStream(scope(connections).flow())));
        ContextMenu connectionMenu = new ContextMenu(connectionMptcp, connectionTcp);
        connectionMenu.setOnShowing(e -> {
            Scope scope = scope(connections);
            connectionMptcp.setDisable(scope == null || scope.connection() < 0);
            connectionTcp.setDisable(scope == null || scope.flow() < 0);
        });
        connections.setContextMenu(connectionMenu);
    }

    private static Scope scope(TreeTableView<ConnectionRow> connections) {
        TreeItem<ConnectionRow> item = connections.getSelectionModel().getSelectedItem();
        return item == null || item.getValue() == null ? null : item.getValue().scope();
    }

    /** Follows the selected packet's MPTCP connection ({@code mptcp}) or TCP stream. */
    static void followSelected(MainViewModel viewModel, Window owner, boolean mptcp) {
        FollowTarget target = selected(viewModel, mptcp);
        if (target == null) {
            viewModel.report(new UserMessage(UserMessage.Kind.INFO, mptcp ? "Follow MPTCP Stream" : "Follow TCP Stream",
                    "Select a packet of " + (mptcp ? "an MPTCP connection" : "a TCP stream") + " first", ""));
            return;
        }
        open(viewModel, owner, target);
    }

    private static FollowTarget selected(MainViewModel viewModel, boolean mptcp) {
        LoadedTrace trace = viewModel.traceProperty().get();
        int packet = viewModel.selectedProperty().get();
        if (trace == null || packet < 0) {
            return null;
        }
        PacketColumns columns = trace.analysis().columns();
        if (packet >= columns.size()) {
            return null;
        }
        int index = mptcp ? columns.connectionOfPacket(packet) : columns.flowOfPacket(packet);
        if (index < 0) {
            return null;
        }
        return mptcp ? FollowTarget.mptcpConnection(index) : FollowTarget.tcpStream(index);
    }

    /**
     * Opens a Follow Stream window on {@code target} of the open trace, or says why it cannot (a
     * live capture has no file to read the bytes back from until it is saved).
     */
    public static Dialog open(MainViewModel viewModel, Window owner, FollowTarget target) {
        LoadedTrace trace = viewModel.traceProperty().get();
        if (trace == null || trace.path() == null) {
            viewModel.report(new UserMessage(UserMessage.Kind.INFO, "Follow Stream",
                    "Following a stream needs a trace file",
                    "A live capture is followed once saved (File > Save Capture As) and opened."));
            return null;
        }
        FollowViewModel follow = new FollowViewModel(trace.path(), target, viewModel.background(),
                viewModel::filterBy, viewModel::reveal);
        FXMLLoader loader = new FXMLLoader(resource());
        loader.setControllerFactory(type -> new FollowStreamController(follow));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + FXML, e);
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle((target.connection() ? "Follow MPTCP Stream" : "Follow TCP Stream") + " (" + target.filter()
                + ") \u2014 " + trace.displayName());
        stage.setScene(new Scene(root));
        stage.setOnHidden(e -> {
            try {
                follow.close();
            } catch (IOException ignored) {
                // The trace was only read; nothing is lost when closing it fails.
            }
        });
        stage.show();
        follow.load();
        return new Dialog(stage, follow);
    }

    private static URL resource() {
        URL url = FollowStreams.class.getResource(FXML);
        if (url == null) {
            throw new IllegalStateException("FXML resource missing from the build: " + FXML);
        }
        return url;
    }
}
