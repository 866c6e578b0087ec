package org.braid.cli;

import org.braid.BuildInfo;
import picocli.CommandLine;

/** The {@code --version} text of every command. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"Braid " + BuildInfo.version(),
            "Java " + Runtime.version() + " (JIT: " + QuickStart.jitMode() + ")"};
    }
}
