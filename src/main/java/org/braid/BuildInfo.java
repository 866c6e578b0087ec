package org.braid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts Maven wrote into the build; the window and the command line both read them from here. */
public final class BuildInfo {
    private static final String RESOURCE = "/org/braid/version.properties";

    private BuildInfo() {}

    /** The project version, such as {@code 0.1.0}, or {@code unknown} outside a Maven build. */
    public static String version() {
        return Holder.VERSION;
    }

    /** Reads the resource once, on first use. */
    private static final class Holder {
        static final String VERSION = read().getProperty("version", "unknown");

        private static Properties read() {
            Properties props = new Properties();
            try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
                if (in != null) {
                    props.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            return props;
        }
    }
}
