package org.neuroatlas.core.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file or folder so that it either appears complete or not at all: everything is written to a temporary
 * sibling, which is moved into place only when the writer finished without error. A failed write leaves no
 * half-written output (and does not touch a previous version).
 */
public final class AtomicFile {

    /** Writes into the given temporary path. */
    @FunctionalInterface
    public interface Writer {
        void write(Path temporary) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes the file {@code target} through {@code writer}, then moves it into place. */
    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".part");
        boolean done = false;
        try {
            writer.write(tmp);
            move(tmp, abs);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Writes the folder {@code target} (created empty for the writer), then moves it into place. */
    public static void writeDirectory(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, "." + abs.getFileName() + ".");
        boolean done = false;
        try {
            writer.write(tmp);
            if (Files.isDirectory(abs)) {
                deleteRecursively(abs);
            }
            move(tmp, abs);
            done = true;
        } finally {
            if (!done) {
                deleteRecursively(tmp);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a file or a folder with everything in it; no error if absent. */
    public static void deleteRecursively(Path p) throws IOException {
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                for (Path c : ds) {
                    deleteRecursively(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }
}
