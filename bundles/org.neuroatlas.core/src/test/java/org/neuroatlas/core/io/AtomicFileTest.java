package org.neuroatlas.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void failedWriteLeavesNothingAndKeepsThePreviousVersion() throws IOException {
        Path out = dir.resolve("cells.csv");
        AtomicFile.write(out, tmp -> Files.writeString(tmp, "v1"));
        assertThrows(IOException.class, () -> AtomicFile.write(out, tmp -> {
            Files.writeString(tmp, "half of v2");
            throw new IOException("disk full");
        }));
        assertEquals("v1", Files.readString(out));
        assertEquals(List.of(out), listing());
    }

    @Test
    void directoriesAppearWholeOrNotAtAll() throws IOException {
        Path out = dir.resolve("planes");
        assertThrows(IllegalStateException.class, () -> AtomicFile.writeDirectory(out, tmp -> {
            Files.writeString(tmp.resolve("p0.tif"), "x");
            throw new IllegalStateException("canceled");
        }));
        assertFalse(Files.exists(out));
        assertEquals(List.of(), listing());
        AtomicFile.writeDirectory(out, tmp -> Files.writeString(tmp.resolve("p0.tif"), "x"));
        assertEquals("x", Files.readString(out.resolve("p0.tif")));
    }
}
