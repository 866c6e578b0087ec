package org.braid.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version Maven wrote into the build, for the command line and for report manifests. */
public final class BraidVersion {
    private BraidVersion() {}

    public static String version() {
        Properties props = new Properties();
        try (InputStream in = BraidVersion.class.getResourceAsStream("/org/braid/version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build's version", e);
        }
        return props.getProperty("version", "unknown");
    }
}
