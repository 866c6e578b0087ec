package org.braid.cli;

import java.io.IOException;
import org.braid.report.BraidVersion;
import picocli.CommandLine;

/** Reads the version Maven wrote into the build. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        return new String[] {"Braid " + version()};
    }

    public static String version() throws IOException {
        return BraidVersion.version();
    }
}
