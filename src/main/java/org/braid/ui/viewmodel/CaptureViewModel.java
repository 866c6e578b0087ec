package org.braid.ui.viewmodel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.braid.capture.CaptureEnd;
import org.braid.capture.CaptureException;
import org.braid.capture.CaptureInterface;
import org.braid.capture.CaptureInterfaces;
import org.braid.capture.CaptureObserver;
import org.braid.capture.CaptureSettings;
import org.braid.capture.CaptureStatistics;
import org.braid.capture.LiveCapture;
import org.braid.capture.StopReason;
import org.braid.ui.packets.LiveTrace;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.PacketExport;
import org.braid.ui.packets.PacketRows;
import org.braid.ui.tasks.TaskExecutor;

/**
 * A live capture in the window: starts it, shows its packets and analysis as they arrive (a few
 * times a second, from snapshots taken off the UI thread), keeps the live counter, stops it, and
 * saves a capture that was not written to a file as it ran. Runs on the UI thread; the capture's
 * own thread only hands counters and the end over to {@code ui}.
 */
public final class CaptureViewModel {
    private final LiveDisplay main;
    private final TaskExecutor tasks;
    private final ReadOnlyBooleanWrapper capturing = new ReadOnlyBooleanWrapper(this, "capturing");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private final ReadOnlyStringWrapper counterText = new ReadOnlyStringWrapper(this, "counterText", "");
    private Session session;
    /** The last capture's packets once it ended, for Save Capture As. */
    private LoadedTrace captured;

    public CaptureViewModel(LiveDisplay main, TaskExecutor tasks) {
        this.main = main;
        this.tasks = tasks;
    }

    /** The interfaces to offer; a {@link CaptureException} (no libpcap, no permission) is told to the user. */
    public List<CaptureInterface> interfaces() {
        try {
            return CaptureInterfaces.list();
        } catch (CaptureException e) {
            main.report(error("Cannot list the capture interfaces", e, ""));
            return List.of();
        }
    }

    /** Opens and starts a capture with {@code settings}; false (the user told why) when it cannot. */
    public boolean start(CaptureSettings settings) {
        if (capturing.get()) {
            return false;
        }
        LiveTrace live = new LiveTrace("Live capture on " + settings.interfaceName(),
                "capture filter \"" + settings.filter() + "\"");
        Session started = new Session(live);
        LiveCapture capture;
        try {
            capture = LiveCapture.open(settings, List.of(live), started);
        } catch (CaptureException e) {
            main.report(error("Cannot capture on " + settings.interfaceName(), e,
                    "Interface: " + settings.interfaceName() + "\nCapture filter: " + settings.filter()));
            return false;
        }
        started.attach(capture);
        session = started;
        captured = null;
        unsaved.set(false);
        counterText.set("Capturing on " + settings.interfaceName());
        capturing.set(true);
        main.showLive(live.snapshot(), true, false);
        capture.start();
        return true;
    }

    /** Asks the running capture to stop; the end shows the final trace. */
    public void stop() {
        if (session != null && capturing.get()) {
            session.capture.stop();
        }
    }

    /**
     * Writes the stopped capture's packets to {@code target} as pcapng (replaced only once complete),
     * in the background; the user hears of a failure.
     */
    public void saveAs(Path target) {
        LoadedTrace trace = captured;
        if (capturing.get() || trace == null) {
            return;
        }
        tasks.runInBackground(() -> {
            try {
                long written = PacketExport.write(trace, PacketRows.all(trace.index().size()), target,
                        "Braid live capture", row -> { });
                tasks.runOnUi(() -> {
                    unsaved.set(false);
                    counterText.set(String.format(Locale.ROOT, "Saved %d packets to %s", written, target.getFileName()));
                });
            } catch (IOException | RuntimeException e) {
                tasks.runOnUi(() -> main.report(new UserMessage(UserMessage.Kind.ERROR, "Cannot save capture",
                        "Cannot save the capture to " + target.getFileName(), e.getMessage() + "\n\nFile: "
                                + target.toAbsolutePath())));
            }
        });
    }

    /** Stops a running capture; call when the window closes. */
    public void dispose() {
        stop();
    }

    /** The status bar's live counter: received, dropped by the kernel and by the interface. */
    static String counter(CaptureStatistics statistics, boolean running) {
        return String.format(Locale.ROOT, "%s: %d received · %d dropped by kernel · %d dropped by interface",
                running ? "Capturing" : "Captured", statistics.received(), statistics.droppedByKernel(),
                statistics.droppedByInterface());
    }

    private void ended(Session ended, CaptureEnd end, LoadedTrace last) {
        if (ended != session) {
            return;
        }
        capturing.set(false);
        captured = last;
        counterText.set(counter(end.statistics(), false));
        if (showingLive()) { // not when the user opened a file meanwhile
            main.showLive(last, false, true);
        }
        unsaved.set(end.saved() == null && last.index().size() > 0);
        if (end.reason() == StopReason.FAILED && end.error() != null) {
            main.report(error("The capture stopped", end.error(), last.index().size()
                    + " packets were captured before; they are shown and can be saved (File > Save Capture As)."));
        }
    }

    private boolean showingLive() {
        LoadedTrace shown = main.shownTrace();
        return shown != null && shown.index().isLive();
    }

    private static UserMessage error(String header, CaptureException e, String context) {
        return new UserMessage(UserMessage.Kind.ERROR, "Capture failed", header,
                e.getMessage() + (context.isEmpty() ? "" : "\n\n" + context));
    }

    /** One capture's link between its thread and the window. */
    private final class Session implements CaptureObserver {
        private final LiveTrace live;
        private final LiveRefresher<LoadedTrace> refresher;
        private LiveCapture capture;
        /** Set on the UI thread once the final trace is shown, so a late refresh cannot replace it. */
        private boolean over;

        Session(LiveTrace live) {
            this.live = live;
            this.refresher = new LiveRefresher<>(() -> capture.read(live::snapshot), this::refresh, tasks::runInBackground,
                    tasks::runOnUi);
        }

        /** Before the capture thread starts, which makes the field visible to it. */
        void attach(LiveCapture opened) {
            capture = opened;
        }

        private void refresh(LoadedTrace snapshot) {
            if (!over && session == this && showingLive()) {
                main.showLive(snapshot, false, false);
            }
        }

        @Override
        public void onStatistics(CaptureStatistics statistics) {
            tasks.runOnUi(() -> {
                if (!over && session == this) {
                    counterText.set(counter(statistics, true));
                }
            });
            refresher.request();
        }

        @Override
        public void onEnd(CaptureEnd end) {
            LoadedTrace last = live.snapshot(); // the capture thread: no packet can arrive any more
            tasks.runOnUi(() -> {
                over = true;
                ended(this, end, last);
            });
        }
    }

    public ReadOnlyBooleanProperty capturingProperty() { return capturing.getReadOnlyProperty(); }
    /** True after a capture that was not saved as it ran, until it is saved. */
    public ReadOnlyBooleanProperty unsavedProperty() { return unsaved.getReadOnlyProperty(); }
    public ReadOnlyStringProperty counterTextProperty() { return counterText.getReadOnlyProperty(); }
}
