package org.braid.ui.controller;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import org.braid.ui.viewmodel.UserMessage;

/** The window's dialogs, built in one place so they look alike. */
final class Dialogs {
    private Dialogs() {}

    /** Shows {@code message} without blocking: the window stays usable behind it. */
    static Alert show(UserMessage message, Window owner) {
        Alert alert = new Alert(switch (message.kind()) {
            case ERROR -> Alert.AlertType.ERROR;
            case WARNING -> Alert.AlertType.WARNING;
            case INFO -> Alert.AlertType.INFORMATION;
        });
        alert.initOwner(owner);
        alert.setTitle(message.title());
        alert.setHeaderText(message.header());
        TextArea details = new TextArea(message.details());
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(Math.min(12, 2 + (int) message.details().lines().count()));
        details.setPrefColumnCount(70);
        alert.getDialogPane().setContent(details);
        alert.getDialogPane().getStyleClass().add("braid-message");
        alert.setResizable(true);
        alert.show();
        return alert;
    }

    /** Asks for a packet number; empty when cancelled or not a number. */
    static Optional<Long> askPacketNumber(Window owner, long current) {
        TextInputDialog dialog = new TextInputDialog(current > 0 ? Long.toString(current) : "");
        dialog.initOwner(owner);
        dialog.setTitle("Go to packet");
        dialog.setHeaderText("Go to packet number");
        dialog.setContentText("Packet:");
        return dialog.showAndWait().flatMap(text -> {
            try {
                return Optional.of(Long.parseLong(text.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** Asks whether to replace what {@code target} holds; true to go on. */
    static boolean confirmReplace(Window owner, java.nio.file.Path target) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "It already holds files, which the export replaces.",
                javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Replace?");
        alert.setHeaderText(target.getFileName() + " already exists. Replace its files?");
        return alert.showAndWait().filter(javafx.scene.control.ButtonType.OK::equals).isPresent();
    }

    static void about(Window owner, String version) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("About Braid");
        alert.setHeaderText("Braid " + version);
        alert.setContentText("A Multipath TCP packet trace analyzer.\n"
                + "Reads pcap, pcapng and gzip-compressed traces; decodes MPTCP v0 (RFC 6824) and v1 (RFC 8684).");
        alert.show();
    }
}
