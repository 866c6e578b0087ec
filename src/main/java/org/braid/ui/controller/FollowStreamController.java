package org.braid.ui.controller;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.braid.stream.FollowDirection;
import org.braid.stream.StreamFormat;
import org.braid.stream.StreamSide;
import org.braid.ui.viewmodel.FollowViewModel;
import org.braid.ui.viewmodel.FollowViewModel.Line;

/**
 * The Follow Stream dialog: one list row per chunk (or hole), coloured by the side that sent it,
 * with a margin in the colour of the subflow that delivered it first; a click selects the
 * chunk's packet in the main window.
 */
public final class FollowStreamController {
    /** Subflow margin colours (follow_stream.css); subflows beyond them reuse them in turn. */
    private static final int SUBFLOW_COLORS = 6;

    private final FollowViewModel viewModel;
    @FXML private Label summary;
    @FXML private ListView<Line> lines;
    @FXML private ComboBox<FollowDirection> direction;
    @FXML private ComboBox<StreamFormat> format;
    @FXML private TextField findField;
    @FXML private Button findButton;
    @FXML private Button previousButton;
    @FXML private Button nextButton;
    @FXML private Button filterOutButton;
    @FXML private Button filterOnlyButton;
    @FXML private Button saveButton;
    @FXML private Label status;

    public FollowStreamController(FollowViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(viewModel.summaryProperty());
        status.textProperty().bind(viewModel.statusProperty());
        lines.setItems(viewModel.lines());
        lines.setCellFactory(view -> new LineCell());
        lines.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> viewModel.select(now));
        direction.getItems().setAll(FollowDirection.values());
        direction.setConverter(converter(this::directionLabel));
        direction.valueProperty().bindBidirectional(viewModel.directionProperty());
        format.getItems().setAll(StreamFormat.values());
        format.setConverter(converter(StreamFormat::label));
        format.valueProperty().bindBidirectional(viewModel.formatProperty());
        previousButton.disableProperty().bind(viewModel.pageProperty().isEqualTo(0));
        nextButton.disableProperty().bind(viewModel.lastPageProperty());
        saveButton.disableProperty().bind(viewModel.busyProperty());
        findButton.disableProperty().bind(findField.textProperty().isEmpty());
        String filter = viewModel.target().filter();
        filterOutButton.setTooltip(new Tooltip("Apply !(" + filter + ") to the packet list"));
        filterOnlyButton.setTooltip(new Tooltip("Apply " + filter + " to the packet list"));
        if (!viewModel.target().connection()) {
            filterOutButton.setText("_Filter Out This TCP Stream");
        }
        // The direction names need the endpoints, known once the stream is read.
        viewModel.summaryProperty().addListener((o, was, now) -> {
            direction.setConverter(converter(this::directionLabel));
            direction.setButtonCell(null);
        });
    }

    private String directionLabel(FollowDirection shown) {
        var stream = viewModel.stream();
        String client = stream == null ? "client" : stream.client().toString();
        String server = stream == null ? "server" : stream.server().toString();
        return switch (shown) {
            case BOTH -> "Both directions";
            case CLIENT -> client + " \u2192 " + server + bytes(StreamSide.CLIENT);
            case SERVER -> server + " \u2192 " + client + bytes(StreamSide.SERVER);
        };
    }

    private String bytes(StreamSide side) {
        var stream = viewModel.stream();
        return stream == null ? "" : String.format(Locale.ROOT, " (%,d bytes)", stream.capturedBytes(side));
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @FXML
    private void findNext() {
        int found = viewModel.find(findField.getText(), lines.getSelectionModel().getSelectedIndex());
        if (found >= 0) {
            lines.getSelectionModel().clearAndSelect(found);
            lines.scrollTo(Math.max(0, found - 2));
        }
    }

    @FXML
    private void previousPage() {
        viewModel.previousPage();
        lines.scrollTo(0);
    }

    @FXML
    private void nextPage() {
        viewModel.nextPage();
        lines.scrollTo(0);
    }

    @FXML
    private void filterOut() {
        viewModel.filterOut();
    }

    @FXML
    private void filterOnly() {
        viewModel.filterOnly();
    }

    /** Save As: the raw bytes of one direction, or the text as shown, chosen by the file type. */
    @FXML
    private void saveAs() {
        if (viewModel.stream() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save Stream As");
        FileChooser.ExtensionFilter clientBytes = new FileChooser.ExtensionFilter(
                "Raw bytes the client sent (*.bin)", "*.bin");
        FileChooser.ExtensionFilter serverBytes = new FileChooser.ExtensionFilter(
                "Raw bytes the server sent (*.bin)", "*.bin");
        FileChooser.ExtensionFilter text = new FileChooser.ExtensionFilter("Text as shown (*.txt)", "*.txt");
        chooser.getExtensionFilters().addAll(clientBytes, serverBytes, text);
        chooser.setSelectedExtensionFilter(viewModel.directionProperty().get() == FollowDirection.SERVER
                ? serverBytes : clientBytes);
        chooser.setInitialFileName("stream-" + viewModel.target().index() + ".bin");
        File file = chooser.showSaveDialog(lines.getScene().getWindow());
        if (file != null) {
            save(file.toPath(), chooser.getSelectedExtensionFilter() == text ? null
                    : chooser.getSelectedExtensionFilter() == serverBytes ? StreamSide.SERVER : StreamSide.CLIENT);
        }
    }

    /** Saves the bytes {@code side} sent, or the shown text when {@code side} is null. */
    void save(Path file, StreamSide side) {
        if (side == null) {
            viewModel.saveText(file, () -> { });
        } else {
            viewModel.saveBytes(side, file, () -> { });
        }
    }

    @FXML
    private void close() {
        ((Stage) lines.getScene().getWindow()).close();
    }

    /** A chunk or hole: the subflow margin, then the text in its side's colours; the tooltip says who carried it. */
    private static final class LineCell extends ListCell<Line> {
        private final Region margin = new Region();
        private final Label text = new Label();
        private final HBox box = new HBox(margin, text);

        LineCell() {
            margin.getStyleClass().add("follow-margin");
            text.getStyleClass().add("follow-text");
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            box.getStyleClass().add("follow-line");
            setText(null);
        }

        @Override
        protected void updateItem(Line line, boolean empty) {
            super.updateItem(line, empty);
            box.getStyleClass().removeIf(c -> c.startsWith("follow-") && !c.equals("follow-line"));
            margin.getStyleClass().removeIf(c -> c.startsWith("follow-subflow"));
            if (empty || line == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            box.getStyleClass().add(line.hole() ? "follow-hole"
                    : line.side() == StreamSide.CLIENT ? "follow-client" : "follow-server");
            margin.getStyleClass().add(line.subflow() < 0 ? "follow-subflow-none"
                    : "follow-subflow-" + line.subflow() % SUBFLOW_COLORS);
            text.setText(line.text());
            setTooltip(line.details().isEmpty() ? null : new Tooltip(line.details()));
            setGraphic(box);
        }
    }
}
