package org.braid.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "packets", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List packets one per line, like tshark -r.")
public final class PacketsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "pcap, pcapng or .gz trace")
    Path file;

    @Override
    public Integer call() {
        return 0;
    }
}
