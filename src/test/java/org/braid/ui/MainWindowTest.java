package org.braid.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.ui.WindowDriver.fx;
import static org.braid.ui.WindowDriver.fxRun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import org.braid.decode.DecodedPacket;
import org.braid.decode.MptcpSubtype;
import org.braid.render.DetailNode;
import org.braid.testing.Traces;
import org.braid.ui.packets.PacketRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** Drives the real window, headless on Monocle: open, select, filter, errors, shortcuts. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final int INFO = 11;
    @RegisterExtension final WindowDriver driver = new WindowDriver();

    @SuppressWarnings("unchecked")
    private static TableView<PacketRow> table(FxRobot robot) {
        return robot.lookup(".packet-list").queryAs(TableView.class);
    }

    private static String cell(TableView<PacketRow> table, int column, int row) {
        return fx(() -> ((TableColumn<PacketRow, ?>) table.getColumns().get(column)).getCellData(row).toString());
    }

    @Test
    void listShowsEveryPacketOfAPublicTrace(FxRobot robot) throws IOException {
        Path trace = Traces.publicTrace("tcpdump-mptcp-v1.pcap");
        driver.openAndWait(trace);
        TableView<PacketRow> table = table(robot);
        long expected = TraceFacts.count(trace, p -> true);
        assertThat(expected).isEqualTo(Traces.expected(Traces.publicDir()).stream()
                .filter(e -> e.toString().equals(trace.getFileName().toString())).findFirst().orElseThrow()
                .json().get("packets").asLong());
        assertThat(fx(() -> table.getItems().size())).isEqualTo((int) expected);
        assertThat(fx(() -> table.getColumns().stream().map(TableColumn::getText).toList()))
                .containsExactly("No.", "Time", "Source", "Destination", "Protocol", "Length", "Conn", "Subflow",
                        "Rel. DSN", "DATA_ACK", "MPTCP subtype", "Info");
        assertThat(cell(table, 0, 0)).isEqualTo("1");
        assertThat(cell(table, 1, 0)).isEqualTo("0.000000");
        assertThat(cell(table, 4, 0)).isEqualTo("MPTCP");
        // The MPTCP summary leads Info, and the SYN's sequence number is relative, as in Wireshark.
        assertThat(cell(table, INFO, 0)).startsWith("MP_CAPABLE").contains("[SYN] Seq=0 ");
        assertThat(cell(table, INFO - 1, 0)).isEqualTo("MP_CAPABLE");
        assertThat(robot.lookup(".status-counts").queryLabeled().getText()).isEqualTo("Packets: " + expected);
        assertThat(fx(() -> driver.window.stage().getTitle())).isEqualTo("tcpdump-mptcp-v1.pcap - Braid");
    }

    @Test
    void selectingARowFillsTheDetailsAndTheBytes(FxRobot robot) throws IOException {
        Path trace = Traces.publicTrace("tcpdump-mptcp-v0.pcap");
        driver.openAndWait(trace);
        TableView<PacketRow> table = table(robot);
        TableRow<?> third = robot.lookup(".packet-list .table-row-cell").match(n -> ((TableRow<?>) n).getIndex() == 2)
                .queryAs(TableRow.class);
        robot.clickOn(third);
        assertThat(fx(() -> table.getSelectionModel().getSelectedIndex())).isEqualTo(2);
        assertThat(driver.viewModel().selectedProperty().get()).isEqualTo(2);
        // The selected row is a strong blue bar that keeps its packet colour as a stripe on its left.
        assertThat(fx(() -> List.copyOf(third.getStyleClass()))).anyMatch(c -> c.startsWith("packet-"));
        var fills = fx(() -> {
            third.applyCss();
            return List.copyOf(third.getBackground().getFills());
        });
        assertThat(fills).hasSize(2);
        assertThat(fills.get(1).getFill()).isEqualTo(javafx.scene.paint.Color.web("#2f65ca"));
        assertThat(fills.get(1).getInsets().getLeft()).isPositive();
        assertThat(fills.get(0).getFill()).isNotEqualTo(javafx.scene.paint.Color.TRANSPARENT);
        TableRow<?> first = robot.lookup(".packet-list .table-row-cell").match(n -> ((TableRow<?>) n).getIndex() == 0)
                .queryAs(TableRow.class);
        assertThat(fx(() -> List.copyOf(first.getStyleClass()))).contains("packet-mptcp-signalling");

        var treeController = driver.window.controller().packetTree();
        List<TreeItem<DetailNode>> sections = fx(() -> List.copyOf(treeController.tree().getRoot().getChildren()));
        assertThat(sections).hasSizeGreaterThanOrEqualTo(4); // frame, link, IP, TCP
        assertThat(sections.get(0).getValue().text()).startsWith("Frame 3");
        byte[] bytes = TraceFacts.bytesOf(trace, 3);
        String bytesShown = fx(() -> driver.window.controller().packetBytes().text());
        assertThat(bytesShown).startsWith("0000  " + hex(bytes, 0, 8) + "  " + hex(bytes, 8, 8));
        assertThat(bytesShown.split("\n")).hasSize((bytes.length + 15) / 16);

        TreeItem<DetailNode> tcp = sections.stream().filter(s -> s.getValue().text().startsWith("Transmission Control"))
                .findFirst().orElseThrow();
        fxRun(() -> treeController.tree().getSelectionModel().select(tcp));
        DetailNode node = tcp.getValue();
        List<String> lit = fx(() -> driver.window.controller().packetBytes().highlighted());
        String litHex = String.join(" ", lit.stream().filter(s -> s.matches("[0-9a-f ]+")).toList())
                .replaceAll("\\s+", "");
        assertThat(litHex).isEqualTo(HexFormat.of().formatHex(bytes, node.offset(), node.offset() + node.length()));
    }

    @Test
    void filterNarrowsTheListToTheDecodersCount(FxRobot robot) throws IOException {
        Path trace = Traces.publicTrace("tcpdump-mptcp-v0.pcap");
        driver.openAndWait(trace);
        long dss = TraceFacts.count(trace, p -> p.firstMptcpOption(MptcpSubtype.DSS) != null);
        long total = TraceFacts.count(trace, p -> true);
        assertThat(dss).isPositive().isLessThan(total);

        TextField field = robot.lookup(".filter-bar .text-field").queryAs(TextField.class);
        type(robot, field, "mptcp.subtype == 2");
        driver.waitIdle();
        WindowDriver.waitUntil("the filter is applied", () -> table(robot).getItems().size() == dss);
        assertThat(field.getStyleClass()).contains("filter-valid");
        assertThat(robot.lookup(".status-counts").queryLabeled().getText()).contains("Displayed: " + dss);
        // Every shown row really carries a DSS option, per its Info column.
        TableView<PacketRow> table = table(robot);
        for (int row = 0; row < dss; row += 17) {
            assertThat(cell(table, INFO, row)).contains("DSS");
        }

        type(robot, field, "tcp.flags.syn == 1 && !(tcp.flags.ack == 1)");
        long syns = TraceFacts.count(trace, p -> p.hasTcpFlag(DecodedPacket.TCP_SYN) && !p.hasTcpFlag(DecodedPacket.TCP_ACK));
        WindowDriver.waitUntil("the SYN filter is applied", () -> table(robot).getItems().size() == syns);

        robot.clickOn("Clear");
        WindowDriver.waitUntil("the filter is cleared", () -> table(robot).getItems().size() == total);
    }

    /** Puts {@code text} into the filter field at once (as a paste would) and presses Enter in it. */
    static void type(FxRobot robot, TextField field, String text) {
        fxRun(() -> field.setText(text));
        robot.clickOn(field).type(KeyCode.ENTER);
    }

    @Test
    void badFilterTurnsRedWithItsReasonAndChangesNothing(FxRobot robot) {
        Path trace = Traces.publicTrace("tcpdump-mptcp-v0.pcap");
        driver.openAndWait(trace);
        int rows = fx(() -> table(robot).getItems().size());
        TextField field = robot.lookup(".filter-bar .text-field").queryAs(TextField.class);
        fxRun(() -> field.setText("mptcp.subtype = 2"));
        assertThat(field.getStyleClass()).contains("filter-invalid").doesNotContain("filter-valid");
        assertThat(robot.lookup(".filter-message").queryLabeled().getText())
                .isEqualTo("column 15: '=' is not an operator; compare with ==");
        robot.clickOn(field).type(KeyCode.ENTER);
        driver.waitIdle();
        assertThat(fx(() -> table(robot).getItems().size())).isEqualTo(rows);
        assertThat(WindowDriver.dialogs()).isEmpty();
        fxRun(() -> field.setText("mptcp.subtype == 2"));
        assertThat(field.getStyleClass()).contains("filter-valid");
        assertThat(robot.lookup(".filter-message").queryLabeled().getText()).isEmpty();
    }

    @Test
    void corruptFileShowsAnErrorAndTheWindowStaysUsable(FxRobot robot, @TempDir Path dir) throws IOException {
        Path good = Traces.publicTrace("tcpdump-mptcp-v1.pcap");
        driver.openAndWait(good);
        Path corrupt = Files.write(dir.resolve("corrupt.pcap"), "this is not a packet trace at all".getBytes(StandardCharsets.US_ASCII));
        fxRun(() -> driver.viewModel().open(corrupt));
        DialogPane dialog = WindowDriver.awaitDialog();
        assertThat(dialog.getHeaderText()).contains("corrupt.pcap").contains("offset 0");
        assertThat(dialog.getStyleClass()).contains("error");
        robot.clickOn(dialog.lookupButton(javafx.scene.control.ButtonType.OK));
        WindowDriver.waitUntil("the dialog closes", () -> WindowDriver.dialogs().isEmpty());
        // The previous trace is still shown and the window still works.
        assertThat(driver.viewModel().traceProperty().get().path()).isEqualTo(good);
        Path other = Traces.publicTrace("tcpdump-mptcp-v0.pcap");
        driver.openAndWait(other);
        assertThat(fx(() -> table(robot).getItems().size())).isEqualTo(264);
    }

    @Test
    void truncatedFileShowsItsWholePacketsAndWarns(FxRobot robot, @TempDir Path dir) throws IOException {
        Path source = Traces.publicTrace("tcpdump-mptcp-v0.pcap");
        byte[] all = Files.readAllBytes(source);
        Path cut = Files.write(dir.resolve("cut.pcap"), java.util.Arrays.copyOf(all, all.length - 40));
        long whole = TraceFacts.count(cut, p -> true);
        assertThat(whole).isLessThan(264);
        fxRun(() -> driver.viewModel().open(cut));
        DialogPane dialog = WindowDriver.awaitDialog();
        assertThat(dialog.getStyleClass()).contains("warning");
        assertThat(dialog.getHeaderText()).contains("cut.pcap").contains(whole + " packets read");
        String details = ((javafx.scene.control.TextArea) dialog.getContent()).getText();
        assertThat(details).contains("cut.pcap: packet " + (whole + 1) + " at offset ").contains("truncated");
        assertThat(fx(() -> table(robot).getItems().size())).isEqualTo((int) whole);
        assertThat(robot.lookup(".warning-banner").query().isVisible()).isTrue();
        WindowDriver.closeDialogs();
        robot.clickOn("Dismiss");
        assertThat(robot.lookup(".warning-banner").query().isVisible()).isFalse();
    }

    @Test
    void keyboardShortcutsMoveTheSelectionAndFocusTheFilter(FxRobot robot) {
        driver.openAndWait(Traces.publicTrace("tcpdump-mptcp-v0.pcap"));
        assertThat(driver.viewModel().selectedProperty().get()).isZero();
        fxRun(() -> table(robot).requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.DOWN).type(KeyCode.DOWN).release(KeyCode.CONTROL);
        assertThat(fx(() -> driver.viewModel().selectedProperty().get())).isEqualTo(2);
        robot.press(KeyCode.CONTROL).type(KeyCode.UP).release(KeyCode.CONTROL);
        assertThat(fx(() -> table(robot).getSelectionModel().getSelectedIndex())).isEqualTo(1);
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        assertThat(fx(() -> robot.lookup(".filter-bar .text-field").query().isFocused())).isTrue();
        fxRun(() -> table(robot).requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.SLASH).release(KeyCode.CONTROL);
        assertThat(fx(() -> robot.lookup(".filter-bar .text-field").query().isFocused())).isTrue();
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        DialogPane goTo = WindowDriver.awaitDialog();
        assertThat(goTo.getHeaderText()).isEqualTo("Go to packet number");
        TextField number = (TextField) goTo.lookup(".text-field");
        assertThat(number.getText()).isEqualTo("2"); // the selected packet's number
        robot.clickOn(number).eraseText(1).write("200");
        robot.clickOn(goTo.lookupButton(javafx.scene.control.ButtonType.OK));
        WindowDriver.waitUntil("the dialog closes", () -> WindowDriver.dialogs().isEmpty());
        assertThat(fx(() -> table(robot).getSelectionModel().getSelectedIndex())).isEqualTo(199);
        assertThat(fx(() -> driver.viewModel().details().detailsProperty().get().packetNumber())).isEqualTo(200);
    }

    @Test
    void bundledSampleOpensWithoutAFile(FxRobot robot) {
        fxRun(() -> driver.window.openBundledSample());
        WindowDriver.waitUntil("the sample is loaded", () -> driver.viewModel().traceProperty().get() != null
                && !driver.viewModel().busyProperty().get());
        assertThat(driver.viewModel().traceProperty().get().displayName()).isEqualTo(BundledSample.DISPLAY_NAME);
        assertThat(fx(() -> table(robot).getItems().size())).as("sample-traces/two-subflows.pcap").isEqualTo(942);
        assertThat(cell(table(robot), 4, 0)).isEqualTo("MPTCP");
        assertThat(driver.viewModel().recentFiles()).isEmpty();
    }

    @Test
    void gzipAndPcapngTracesOpenAndDecodeOnDemand(FxRobot robot, @TempDir Path dir) throws IOException {
        Path gz = dir.resolve("v1.pcap.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(Traces.publicTrace("tcpdump-mptcp-v1.pcap"), out);
        }
        driver.openAndWait(gz);
        assertThat(fx(() -> table(robot).getItems().size())).isEqualTo(20);
        assertThat(driver.viewModel().fileTextProperty().get()).contains("gzip");
        fxRun(() -> driver.viewModel().goToPacket(20));
        assertThat(driver.viewModel().details().detailsProperty().get().bytes())
                .isEqualTo(TraceFacts.bytesOf(Traces.publicTrace("tcpdump-mptcp-v1.pcap"), 20));

        Path pcapng = Traces.publicTrace("dpi-mptcp-mp_capable.pcapng");
        driver.openAndWait(pcapng);
        long packets = TraceFacts.count(pcapng, p -> true);
        assertThat(fx(() -> table(robot).getItems().size())).isEqualTo((int) packets);
        fxRun(() -> driver.viewModel().goToPacket(packets));
        assertThat(driver.viewModel().details().detailsProperty().get().bytes())
                .isEqualTo(TraceFacts.bytesOf(pcapng, packets));
    }

    @Test
    void layoutIsSavedWhenTheWindowCloses(FxRobot robot) {
        fxRun(() -> {
            javafx.scene.control.SplitPane panes = (javafx.scene.control.SplitPane) robot.lookup("#panes").query();
            panes.setDividerPositions(0.3, 0.6);
            ((javafx.scene.control.SplitPane) robot.lookup("#workspace").query()).setDividerPositions(0.55);
            driver.window.stage().setWidth(1000);
            driver.window.stage().hide();
        });
        org.braid.ui.prefs.UiPreferences saved = new org.braid.ui.prefs.UiPreferences(driver.preferences);
        assertThat(saved.dividers()).containsExactly(new double[] {0.3, 0.6}, org.assertj.core.data.Offset.offset(0.01));
        assertThat(saved.dividers("workspace")).containsExactly(new double[] {0.55},
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(saved.windowBounds().width()).isEqualTo(1000);
    }

    private static String hex(byte[] bytes, int from, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            out.append(i > from ? " " : "").append(String.format(Locale.ROOT, "%02x", bytes[i] & 0xff));
        }
        return out.toString();
    }
}
