package org.braid.ui.controller;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.fxml.FXML;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.braid.render.DetailNode;
import org.braid.ui.analysis.AnalysisDetails;
import org.braid.ui.viewmodel.PacketDetailsViewModel;

/**
 * The packet details tree; selecting a node highlights its bytes. Expanded sections stay expanded
 * between packets; the analysis section starts expanded. Links (another packet named by the
 * analysis) are underlined and jump there on double-click or Enter.
 */
@SuppressWarnings("UnusedMethod") // the @FXML handlers and initialize() are called by the FXMLLoader
public final class PacketTreeController {
    private final PacketDetailsViewModel viewModel;
    @FXML private TreeView<DetailNode> tree;
    /** Top-level sections the user opened, by position, kept open on the next packet as Wireshark does. */
    private final Set<Integer> expanded = new HashSet<>();
    private static final String LINK = "detail-link";
    private static final int ANALYSIS_POSITION = -1;
    private boolean collapsedAnalysis;

    public PacketTreeController(PacketDetailsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        tree.setCellFactory(view -> new TreeCell<>() {
            @Override
            protected void updateItem(DetailNode item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text());
                getStyleClass().remove(LINK);
                if (!empty && viewModel.isLink(item)) {
                    getStyleClass().add(LINK);
                }
            }
        });
        tree.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                followSelected();
            }
        });
        tree.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && followSelected()) {
                event.consume();
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                viewModel.selectedNodeProperty().set(now == null ? null : now.getValue()));
        viewModel.detailsProperty().addListener((o, was, now) -> show(now));
        show(viewModel.detailsProperty().get());
    }

    private void show(PacketDetailsViewModel.PacketDetails details) {
        TreeItem<DetailNode> root = new TreeItem<>();
        if (details != null) {
            List<DetailNode> sections = details.tree();
            for (int i = 0; i < sections.size(); i++) {
                TreeItem<DetailNode> item = item(sections.get(i));
                boolean analysis = sections.get(i).text().equals(AnalysisDetails.TITLE);
                int position = analysis ? ANALYSIS_POSITION : i;
                item.setExpanded(analysis ? !collapsedAnalysis : expanded.contains(position));
                item.expandedProperty().addListener((o, was, now) -> {
                    if (position == ANALYSIS_POSITION) {
                        collapsedAnalysis = !now;
                    } else if (now) {
                        expanded.add(position);
                    } else {
                        expanded.remove(position);
                    }
                });
                root.getChildren().add(item);
            }
        }
        tree.setRoot(root);
    }

    private boolean followSelected() {
        TreeItem<DetailNode> selected = tree.getSelectionModel().getSelectedItem();
        return selected != null && viewModel.follow(selected.getValue());
    }

    private static TreeItem<DetailNode> item(DetailNode node) {
        TreeItem<DetailNode> item = new TreeItem<>(node);
        for (DetailNode child : node.children()) {
            item.getChildren().add(item(child));
        }
        return item;
    }

    public TreeView<DetailNode> tree() {
        return tree;
    }
}
