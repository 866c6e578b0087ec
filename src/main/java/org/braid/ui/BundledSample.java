package org.braid.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The small real MPTCP trace inside the jar, shown when Braid starts without a file so a first
 * look shows a real connection. Readers map files, so it is copied to a temporary file first.
 */
public final class BundledSample {
    static final String RESOURCE = "/org/braid/ui/two-subflows.pcap";
    public static final String DISPLAY_NAME = "two-subflows.pcap (bundled sample)";

    private BundledSample() {}

    /** A temporary copy of the sample, deleted when the program exits. */
    public static Path extract() throws IOException {
        try (InputStream in = BundledSample.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("bundled sample trace missing from the build: " + RESOURCE);
            }
            Path copy = Files.createTempFile("braid-sample-", ".pcap");
            copy.toFile().deleteOnExit();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        }
    }
}
