package org.braid.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gzip trace is read from a decompressed temporary copy, which must not outlive the reader (see also
 * {@link HostileFilesTest#theDecompressedCopyIsUnlinkedWhileStillOpen}).
 */
class GzipTemporaryFileTest {
    @TempDir Path dir;

    @Test
    void temporaryCopyIsDeletedWhenTheContentIsNoTrace() throws IOException {
        Path gzip = Files.write(dir.resolve("text.gz"), PcapRewriter.gzip("hello".getBytes(StandardCharsets.UTF_8)));
        Set<Path> before = temporaryCopies();

        assertThatThrownBy(() -> TraceReader.open(gzip)).isInstanceOf(TraceFormatException.class);

        Set<Path> left = temporaryCopies();
        left.removeAll(before);
        assertThat(left).isEmpty();
    }

    /** The reader's copies: named by {@code Files.createTempFile("braid-", ".trace")}. */
    private static Set<Path> temporaryCopies() throws IOException {
        Set<Path> copies = new HashSet<>();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(tmp, "braid-*.trace")) {
            stream.forEach(copies::add);
        }
        return copies;
    }
}
