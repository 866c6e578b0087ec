package org.braid.ui.controller;

import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.braid.ui.bytes.HexDump;
import org.braid.ui.viewmodel.PacketDetailsViewModel;

/** The bytes pane: the hex dump as text runs, the selected field's bytes on a highlight. */
@SuppressWarnings("UnusedMethod") // the @FXML handlers and initialize() are called by the FXMLLoader
public final class PacketBytesController {
    private final PacketDetailsViewModel viewModel;
    @FXML private TextFlow bytes;

    public PacketBytesController(PacketDetailsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        viewModel.bytesProperty().addListener((o, was, now) -> show(now));
        show(viewModel.bytesProperty().get());
    }

    private void show(List<HexDump.Segment> segments) {
        List<Node> nodes = new ArrayList<>(segments.size());
        for (HexDump.Segment segment : segments) {
            if (segment.highlighted()) {
                // Text has no background; a label can have one, and highlighted runs never span lines.
                Label lit = new Label(segment.text());
                lit.getStyleClass().add("bytes-highlight");
                nodes.add(lit);
            } else {
                Text plain = new Text(segment.text());
                plain.getStyleClass().add("bytes-text");
                nodes.add(plain);
            }
        }
        bytes.getChildren().setAll(nodes);
    }

    /** The dump as shown, for tests. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Node node : bytes.getChildren()) {
            out.append(node instanceof Text text ? text.getText() : ((Label) node).getText());
        }
        return out.toString();
    }

    /** The highlighted runs as shown, for tests. */
    public List<String> highlighted() {
        return bytes.getChildren().stream().filter(Label.class::isInstance).map(n -> ((Label) n).getText()).toList();
    }
}
