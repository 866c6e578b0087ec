package org.braid.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** One line for an error the user can fix: the file it concerns and why, never a bare path. */
final class ErrorMessages {
    private ErrorMessages() {}

    /** "trace.pcap: permission denied"; Java's own messages for these name only the path. */
    static String describe(Exception e) {
        if (e instanceof FileSystemException fs) {
            String file = fs.getFile() == null ? "" : fs.getFile() + ": ";
            String why = reason(fs);
            return file + why + (fs.getOtherFile() == null ? "" : " (" + fs.getOtherFile() + ")");
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String reason(FileSystemException e) {
        if (e.getReason() != null) {
            return e.getReason().toLowerCase(java.util.Locale.ROOT).startsWith("is a directory")
                    ? "is a directory, not a trace file" : e.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        }
        return "cannot be used";
    }
}
