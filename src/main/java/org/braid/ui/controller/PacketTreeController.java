package org.braid.ui.controller;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.fxml.FXML;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.braid.decode.DetailNode;
import org.braid.ui.viewmodel.PacketDetailsViewModel;

/** The packet details tree; selecting a node highlights its bytes. Expanded sections stay expanded between packets. */
public final class PacketTreeController {
    private final PacketDetailsViewModel viewModel;
    @FXML private TreeView<DetailNode> tree;
    /** Top-level sections the user opened, by position, kept open on the next packet as Wireshark does. */
    private final Set<Integer> expanded = new HashSet<>();

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
                int position = i;
                item.setExpanded(expanded.contains(position));
                item.expandedProperty().addListener((o, was, now) -> {
                    if (now) {
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
