package org.braid.ui.prefs;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the window remembers between runs, in {@link java.util.prefs}: recent files, window
 * bounds, divider positions and the packet list's columns. Tests pass their own node so they never touch the user's.
 */
public final class UiPreferences {
    public static final int MAX_RECENT = 10;
    private static final String RECENT = "recent.";
    private static final String DIVIDERS = "dividers";

    /** Window position and size. */
    public record Bounds(double x, double y, double width, double height, boolean maximized) {}

    private final Preferences node;

    public UiPreferences(Preferences node) {
        this.node = node;
    }

    /** The user's preferences of the desktop window. */
    public static UiPreferences user() {
        return new UiPreferences(Preferences.userRoot().node("org/braid/ui"));
    }

    /** Recent files, newest first. */
    public List<Path> recentFiles() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String path = node.get(RECENT + i, null);
            if (path != null) {
                files.add(Paths.get(path));
            }
        }
        return files;
    }

    /** Puts {@code file} first in the recent files, dropping its older entry and the oldest beyond the limit. */
    public void addRecentFile(Path file) {
        List<Path> files = recentFiles();
        Path absolute = file.toAbsolutePath().normalize();
        files.remove(absolute);
        files.add(0, absolute);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < files.size()) {
                node.put(RECENT + i, files.get(i).toString());
            } else {
                node.remove(RECENT + i);
            }
        }
    }

    /** True when the packet list shows TCP sequence numbers as sent, not relative (Wireshark's default). */
    public boolean absoluteSequence() {
        return node.getBoolean("tcp.absoluteSequence", false);
    }

    public void setAbsoluteSequence(boolean absolute) {
        node.putBoolean("tcp.absoluteSequence", absolute);
    }

    /** The name of the packet list's time format, or null for the default. */
    public String timeFormat() {
        return node.get("time.format", null);
    }

    public void setTimeFormat(String name) {
        node.put("time.format", name);
    }

    /** The packet list's saved column layout (see {@code ColumnLayout}), or null before the first save. */
    public String packetColumns() {
        return node.get("packetList.columns", null);
    }

    public void savePacketColumns(String layout) {
        node.put("packetList.columns", layout);
    }

    public void clearRecentFiles() {
        for (int i = 0; i < MAX_RECENT; i++) {
            node.remove(RECENT + i);
        }
    }

    /** The saved bounds, or null before the first save. */
    public Bounds windowBounds() {
        double width = node.getDouble("window.width", -1);
        if (width <= 0) {
            return null;
        }
        return new Bounds(node.getDouble("window.x", 0), node.getDouble("window.y", 0), width,
                node.getDouble("window.height", 600), node.getBoolean("window.maximized", false));
    }

    public void saveWindowBounds(Bounds bounds) {
        node.putDouble("window.x", bounds.x());
        node.putDouble("window.y", bounds.y());
        node.putDouble("window.width", bounds.width());
        node.putDouble("window.height", bounds.height());
        node.putBoolean("window.maximized", bounds.maximized());
    }

    /** Divider positions of the packet split pane, or an empty array before the first save. */
    public double[] dividers() {
        return dividers("");
    }

    /** Divider positions of the split pane named {@code pane} ("" for the packet panes), or an empty array. */
    public double[] dividers(String pane) {
        String saved = node.get(key(pane), "");
        if (saved.isEmpty()) {
            return new double[0];
        }
        String[] parts = saved.split(",");
        double[] positions = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                positions[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                return new double[0]; // written by a future version, or by hand: fall back to defaults
            }
        }
        return positions;
    }

    public void saveDividers(double[] positions) {
        saveDividers("", positions);
    }

    public void saveDividers(String pane, double[] positions) {
        StringBuilder out = new StringBuilder();
        for (double position : positions) {
            out.append(out.length() > 0 ? "," : "").append(position);
        }
        node.put(key(pane), out.toString());
    }

    private static String key(String pane) {
        return pane.isEmpty() ? DIVIDERS : DIVIDERS + "." + pane;
    }

    /** Writes to the backing store now (it would otherwise happen some time later). */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Losing the layout is harmless; the next run uses the defaults.
        }
    }
}
