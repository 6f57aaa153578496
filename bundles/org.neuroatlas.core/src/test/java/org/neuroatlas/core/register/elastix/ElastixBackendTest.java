package org.neuroatlas.core.register.elastix;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;

/** Finding the executables, the message when they are missing, and a failing run's error. */
class ElastixBackendTest {

    @Test
    void missingBinariesAreNamedWithHowToInstall(@TempDir Path empty) {
        assertTrue(ElastixBackend.locate(empty.toString()).isEmpty());
        InputException e = assertThrows(InputException.class, () -> ElastixBackend.require(empty.toString()));
        assertTrue(e.getMessage().contains("`elastix` and `transformix` are not on the PATH"), e.getMessage());
        assertTrue(e.getMessage().contains("apt install elastix"), e.getMessage());
        assertTrue(e.getMessage().contains("--backend builtin"), e.getMessage());
    }

    @Test
    void oneMissingBinaryIsNamed(@TempDir Path dir) throws IOException {
        executable(dir.resolve("elastix"), "exit 0");
        InputException e = assertThrows(InputException.class, () -> ElastixBackend.require(dir.toString()));
        assertTrue(e.getMessage().contains("`transformix` is not on the PATH"), e.getMessage());
        assertFalse(e.getMessage().contains("`elastix`"), e.getMessage());
    }

    @Test
    void aFailedRunNamesItsLog(@TempDir Path dir) throws IOException {
        executable(dir.resolve("elastix"), "echo 'Description: ITK ERROR: something broke'; exit 3");
        executable(dir.resolve("transformix"), "exit 0");
        ElastixBackend b = ElastixBackend.require(dir.toString());
        Path log = dir.resolve("run.log");
        InputException e = assertThrows(InputException.class, () -> b.runElastix(List.of("-f", "x"), log, line -> {
        }, Progress.NONE));
        assertTrue(e.getMessage().contains("exit code 3"), e.getMessage());
        assertTrue(e.getMessage().contains("something broke"), e.getMessage());
        assertTrue(e.getMessage().contains(log.toAbsolutePath().toString()), e.getMessage());
    }

    private static void executable(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
