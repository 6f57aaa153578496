package org.neuroatlas.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded memory: detection in a child JVM with a 64 MB heap on a lazily computed 288 MB volume (600 × 600 × 400
 * uint16, about 35,000 planted blobs; 4.5 × the heap), 2 threads, 64 × 64 × 32 chunks (about 2 × 12 MB of buffers
 * with their halos), through {@code benchmark detect --synthetic-gb}. It must complete and find the blobs.
 */
class DetectHeapBoundTest {

    @Test
    void detectsInAVolumeSeveralTimesTheHeap(@TempDir Path dir) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("child.log");
        List<String> cmd = List.of(java.toString(), "-Xmx64m", "-cp", classPath, NeuroAtlasCli.class.getName(), "benchmark", "detect",
                "--synthetic-gb", "0.288", "--plane", "600", "--threads", "2", "--chunk-voxels", "64,64,32", "--quiet");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // A guard against a hung child only (normally well under a minute), not a timing check.
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        String out = Files.readString(log);
        System.out.println(out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("600 × 600 × 400 voxels (144.0 M, 0.29 GB)"), out);
        assertTrue(out.contains("heap:       max 64 MB"), out);
        int planted = number(out, "truth: +(\\d+) planted blobs");
        int found = number(out, "NeuroAtlas: (\\d+) cells");
        assertTrue(planted > 30000, out);
        assertEquals(planted, found, 0.02 * planted, out);
        Matcher f1 = Pattern.compile("F1 ([0-9.]+)").matcher(out);
        assertTrue(f1.find() && Double.parseDouble(f1.group(1)) >= 0.98, out);
    }

    private static int number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return Integer.parseInt(m.group(1));
    }
}
