package org.neuroatlas.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find the real atlas and test volumes, read in place from {@code ../shared} (never copied into the
 * project). Set by Surefire as system property {@code neuroatlas.shared}.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder; fails (not skips) when it is missing, so a broken setup cannot pass silently. */
    public static Path root() {
        String p = System.getProperty("neuroatlas.shared", "../../../shared");
        Path root = Path.of(p).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("atlas")) || !Files.isDirectory(root.resolve("testdata"))) {
            throw new IllegalStateException("shared test data not found at " + root + " (system property neuroatlas.shared)");
        }
        return root;
    }

    public static Path atlas(String file) {
        return root().resolve("atlas").resolve(file);
    }

    public static Path testdata(String relative) {
        return root().resolve("testdata").resolve(relative);
    }
}
