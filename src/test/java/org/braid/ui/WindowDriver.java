package org.braid.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Side;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.braid.render.DetailNode;
import org.braid.ui.prefs.UiPreferences;
import org.braid.ui.viewmodel.MainViewModel;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Builds the real window for a TestFX test, with throw-away preferences, and waits on it. Registered
 * on a field of a test under {@code @ExtendWith(ApplicationExtension.class)}, it opens the window on
 * TestFX's stage before each test and, after the test's own {@code @AfterEach}, closes the dialogs
 * and the window.
 */
final class WindowDriver implements BeforeEachCallback, AfterEachCallback {
    private static final long TIMEOUT_SECONDS = 60;

    final Preferences preferences = Preferences.userRoot().node("org/braid/ui-test/" + System.nanoTime());
    final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "test-background");
        thread.setDaemon(true);
        return thread;
    });
    /** Tasks handed to the window wait here while {@link #hold} is set, so a test can act before they run. */
    private final List<Runnable> held = new java.util.ArrayList<>();
    private volatile boolean hold;
    MainWindow window;

    /** Exceptions thrown on the UI thread, which would otherwise only be printed. */
    final List<Throwable> uiErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            start(stage);
            return null;
        });
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        closeDialogs();
        stop();
    }

    private void start(Stage stage) throws Exception {
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> uiErrors.add(error));
        window = MainWindow.create(stage, new UiPreferences(preferences), this::execute);
        stage.show();
    }

    private void stop() throws BackingStoreException {
        // Hiding saves the layout, so it must happen while the preferences node still exists.
        fxRun(() -> window.stage().hide());
        background.shutdownNow();
        preferences.removeNode();
        assertThat(uiErrors).as("exceptions on the UI thread").isEmpty();
    }

    private synchronized void execute(Runnable task) {
        if (hold) {
            held.add(task);
        } else {
            background.execute(task);
        }
    }

    /** Keeps the next tasks from starting until {@link #release()}. */
    synchronized void holdTasks() {
        hold = true;
    }

    synchronized void release() {
        hold = false;
        held.forEach(background::execute);
        held.clear();
    }

    MainViewModel viewModel() {
        return window.viewModel();
    }

    /** Runs {@code action} on the FX thread and returns its result. */
    static <T> T fx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    static void fxRun(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
    }

    static void waitUntil(String what, Callable<Boolean> condition) {
        waitUntil(what, TIMEOUT_SECONDS, condition);
    }

    /** As {@link #waitUntil(String, Callable)}, for work whose length scales with a big trace and the machine's load. */
    static void waitUntil(String what, long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens {@code trace} as the user would and waits until it is shown. */
    void openAndWait(Path trace) {
        fxRun(() -> viewModel().open(trace));
        waitUntil(trace.getFileName() + " is loaded", () -> !viewModel().busyProperty().get()
                && viewModel().traceProperty().get() != null
                && viewModel().traceProperty().get().path().equals(trace));
    }

    /** Waits for the running task (load or filter) to end. */
    void waitIdle() {
        waitUntil("the task ends", () -> !viewModel().busyProperty().get());
    }

    /** The dialogs showing now. */
    static List<DialogPane> dialogs() {
        return fx(() -> Window.getWindows().stream()
                .filter(Window::isShowing)
                .map(w -> w.getScene().getRoot())
                .filter(DialogPane.class::isInstance).map(DialogPane.class::cast).toList());
    }

    /** Waits for exactly one dialog and returns it. */
    static DialogPane awaitDialog() {
        waitUntil("a dialog shows", () -> !dialogs().isEmpty());
        List<DialogPane> shown = dialogs();
        assertThat(shown).hasSize(1);
        return shown.get(0);
    }

    static void closeDialogs() {
        fxRun(() -> Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w.getScene().getRoot() instanceof DialogPane).toList()
                .forEach(w -> ((Stage) w).close()));
    }

    /** The menu item at {@code path} ("Copy", "As Filter"), following submenus; fails when one is missing. */
    static MenuItem menuItem(List<MenuItem> menu, String... path) {
        MenuItem found = null;
        List<MenuItem> items = menu;
        for (String title : path) {
            List<MenuItem> these = items;
            found = these.stream().filter(i -> title.equals(i.getText())).findFirst().orElseThrow(
                    () -> new AssertionError("no menu item " + title + " in " + List.copyOf(these)));
            items = found instanceof Menu submenu ? submenu.getItems() : List.of();
        }
        return found;
    }

    /**
     * Expands and selects the first line of {@code tree} that starts with {@code prefix}, shows the
     * tree's context menu on it, and returns the rest of the line (the field's value).
     */
    static String showMenuOnDetailLine(TreeView<DetailNode> tree, String prefix) {
        fxRun(() -> {
            TreeItem<DetailNode> line = detailLine(tree.getRoot(), prefix);
            line.getParent().setExpanded(true);
            tree.getSelectionModel().select(line);
            tree.getContextMenu().show(tree, Side.BOTTOM, 0, 0);
        });
        return fx(() -> tree.getSelectionModel().getSelectedItem().getValue().text().substring(prefix.length()));
    }

    /** The first details-tree line under {@code from}, at any depth, whose text starts with {@code prefix}; null if none. */
    static TreeItem<DetailNode> detailLine(TreeItem<DetailNode> from, String prefix) {
        for (TreeItem<DetailNode> child : from.getChildren()) {
            if (child.getValue().text().startsWith(prefix)) {
                return child;
            }
            TreeItem<DetailNode> deeper = detailLine(child, prefix);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }
}
