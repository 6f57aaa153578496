package org.neuroatlas.core.register.elastix;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.neuroatlas.core.CanceledException;
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

    @Test
    void cancelKillsTheProcess(@TempDir Path dir) throws IOException {
        executable(dir.resolve("elastix"), "echo started; sleep 30");
        executable(dir.resolve("transformix"), "exit 0");
        ElastixBackend b = ElastixBackend.require(dir.toString());
        long start = System.nanoTime();
        Progress canceled = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public boolean isCanceled() {
                return (System.nanoTime() - start) > 500_000_000L;
            }
        };
        assertThrows(CanceledException.class, () -> b.runElastix(List.of(), dir.resolve("run.log"), line -> {
        }, canceled));
        assertTrue((System.nanoTime() - start) / 1e9 < 10, "returned at once, not after the process's 30 s");
    }

    @Test
    void progressFollowsStagesLevelsAndIterations() {
        double[] last = {-1};
        Progress p = new Progress() {
            @Override
            public void report(double fraction, String message) {
                last[0] = fraction;
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        };
        ElastixProgress ep = new ElastixProgress(p, new double[] {1, 3}, 3, new int[] {100, 100});
        ep.accept("Running elastix with parameter file 0: \"affine.txt\".");
        ep.accept("Resolution: 2");
        ep.accept("99\t-0.9\t0.0");
        assertEquals(0.25, last[0], 1e-9);
        ep.accept("Running elastix with parameter file 1: \"bspline.txt\".");
        ep.accept("Resolution: 1");
        ep.accept("49\t-0.9\t0.0");
        assertEquals(0.25 + 0.75 * 1.5 / 3, last[0], 1e-9);
    }

    private static void executable(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
