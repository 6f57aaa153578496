package org.neuroatlas.core.volume.nrrd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary files that must not outlive the JVM: deleted when their owner is done with them and, failing that, by
 * one shutdown hook. Unlike {@link java.io.File#deleteOnExit()} the list does not grow for the life of a
 * long-running KNIME session: a file leaves it when it is deleted.
 */
final class TempFiles {

    /** System property naming the folder for temporary files (default: {@code java.io.tmpdir}). */
    static final String TMPDIR_PROPERTY = "neuroatlas.tmpdir";

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Thread hook = new Thread(() -> {
            for (Path p : LIVE) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // nothing more can be done while the JVM exits
                }
            }
        }, "neuroatlas-tempfile-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private TempFiles() {
    }

    /** The folder for temporary files: {@code -Dneuroatlas.tmpdir} if set, else {@code java.io.tmpdir}. */
    static Path defaultDirectory() {
        return Path.of(System.getProperty(TMPDIR_PROPERTY, System.getProperty("java.io.tmpdir")));
    }

    /** Creates an empty temporary file in {@code dir} that is deleted at JVM exit unless {@link #delete}d before. */
    static Path create(Path dir, String prefix, String suffix) throws IOException {
        Files.createDirectories(dir);
        Path p = Files.createTempFile(dir, prefix, suffix);
        LIVE.add(p);
        return p;
    }

    /** Deletes {@code p} now (no error if already gone). */
    static void delete(Path p) throws IOException {
        try {
            Files.deleteIfExists(p);
        } finally {
            LIVE.remove(p);
        }
    }
}
