package org.braid.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What a path names, for choosing how to read it and for saying what it is when it is no trace. */
public enum FileKind {
    REGULAR("file"),
    DIRECTORY("directory"),
    FIFO("FIFO (named pipe)"),
    CHARACTER_DEVICE("character device"),
    BLOCK_DEVICE("block device"),
    SOCKET("socket"),
    OTHER("special file"),
    /** Standard input, or a stream handed to the reader: no path says what it is. */
    STREAM("stream");

    private static final int TYPE_MASK = 0170000;

    private final String description;

    FileKind(String description) {
        this.description = description;
    }

    /** How messages name it: "character device". */
    public String description() { return description; }

    /** Regular files are mapped; anything else is read once, as a stream. */
    public boolean seekable() { return this == REGULAR; }

    /**
     * The kind of {@code path}, following symbolic links.
     *
     * @throws java.nio.file.NoSuchFileException when nothing is there
     */
    public static FileKind of(Path path) throws IOException {
        BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class);
        if (basic.isRegularFile()) {
            return REGULAR;
        }
        if (basic.isDirectory()) {
            return DIRECTORY;
        }
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return switch (mode & TYPE_MASK) {
                case 0010000 -> FIFO;
                case 0020000 -> CHARACTER_DEVICE;
                case 0060000 -> BLOCK_DEVICE;
                case 0140000 -> SOCKET;
                default -> OTHER;
            };
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return OTHER; // no "unix" view on this platform
        }
    }

}
