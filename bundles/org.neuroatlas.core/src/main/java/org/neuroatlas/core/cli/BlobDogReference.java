package org.neuroatlas.core.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neuroatlas.core.volume.VoxelSize;

/**
 * The yardstick of {@code benchmark detect}: scikit-image's {@code blob_dog} run by the script
 * {@code org/neuroatlas/core/detect/blob_dog_reference.py} in a Python interpreter found on this machine. Nothing
 * is installed: if no interpreter has scikit-image and tifffile, {@link #find} says how to install them.
 */
final class BlobDogReference {

    /** How to install what the reference needs (Debian/Ubuntu). */
    static final String INSTALL = "sudo apt install python3-skimage python3-tifffile";
    static final String SCRIPT = "/org/neuroatlas/core/detect/blob_dog_reference.py";

    /**
     * Runs the script given as the first argument as {@code __main__}, then prints the process's peak resident
     * memory (Linux reports ru_maxrss in KiB), so that the script itself needs no change to be measured.
     */
    private static final String PEAK_MEMORY_WRAPPER = String.join("\n",
            "import resource, runpy, sys",
            "sys.argv = sys.argv[1:]",
            "code = 0",
            "try:",
            "    runpy.run_path(sys.argv[0], run_name='__main__')",
            "except SystemExit as e:",
            "    code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)",
            "print('peak_rss_kb %d' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)",
            "sys.exit(code)");

    private static final Pattern RESULT = Pattern.compile("blob_dog: (\\d+) cells, (\\d+) voxels, ([0-9.]+) s, ([0-9.]+) Mvoxel/s");
    private static final Pattern PEAK = Pattern.compile("peak_rss_kb (\\d+)");

    /** An interpreter that imports scikit-image and tifffile. */
    record Python(String command, String skimageVersion) {
    }

    /**
     * What looking for an interpreter found.
     *
     * @param python  the interpreter, or null
     * @param problem why none qualified (null if one did)
     */
    record Found(Python python, String problem) {
    }

    /**
     * One run of the reference.
     *
     * @param cells              blobs found
     * @param voxels             voxels of the volume
     * @param detectionSeconds   time of blob_dog itself, s (the script's own figure; excludes reading the TIFFs)
     * @param wallSeconds        the whole process, s (start-up, reading, detection, writing)
     * @param peakResidentBytes  peak resident memory of the process, bytes; -1 if unknown
     * @param csv                the cells it found (x_um, y_um, z_um)
     */
    record Run(int cells, long voxels, double detectionSeconds, double wallSeconds, long peakResidentBytes, Path csv) {
        double megavoxelsPerSecond() {
            return voxels / detectionSeconds / 1e6;
        }
    }

    private BlobDogReference() {
    }

    /**
     * The first of {@code requested} (if given), else {@code python3} on the PATH, then the system's
     * {@code /usr/bin/python3} (where Debian's packages install) that imports scikit-image and tifffile.
     */
    static Found find(String requested) {
        Set<String> candidates = new LinkedHashSet<>();
        if (requested != null) {
            candidates.add(requested);
        } else {
            candidates.add("python3");
            candidates.add("/usr/bin/python3");
        }
        List<String> notes = new ArrayList<>();
        boolean anyPython = false;
        for (String c : candidates) {
            try {
                Process p = new ProcessBuilder(c, "-c", "import skimage, tifffile, numpy; print(skimage.__version__)").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    notes.add(c + ": did not answer");
                    continue;
                }
                anyPython = true;
                if (p.exitValue() == 0) {
                    String[] lines = out.split("\n");
                    return new Found(new Python(c, lines[lines.length - 1].trim()), null);
                }
                notes.add(c + ": " + (out.contains("No module named") ? out.substring(out.lastIndexOf("No module named")).trim() : "import failed"));
            } catch (IOException e) {
                notes.add(c + ": not found");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Found(null, "interrupted");
            }
        }
        String what = anyPython ? "scikit-image and tifffile are not available to Python" : "Python 3 was not found";
        return new Found(null, what + " (" + String.join("; ", notes) + "). Install them with: " + INSTALL
                + (requested == null ? "" : " (or give --python an interpreter that has them)"));
    }

    /**
     * Runs the reference on a folder of TIFF planes.
     *
     * @param threshold blob_dog's absolute threshold on the image scaled to [0, 1] by its maximum
     * @param block     blocks processed independently, voxels (x, y, z); the study used 1000 × 1000 × 250
     * @param work      a folder for the script, its output and its log
     * @throws IOException if the run failed (the message holds the end of its log)
     */
    static Run run(Python python, Path planes, VoxelSize voxel, double cellDiameterUm, double threshold, int[] block, Path work)
            throws IOException, InterruptedException {
        Path script = work.resolve("blob_dog_reference.py");
        try (InputStream in = BlobDogReference.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException(SCRIPT + " is missing from the NeuroAtlas jar");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path csv = work.resolve("blob_dog_cells.csv");
        Path log = work.resolve("blob_dog.log");
        List<String> cmd = List.of(python.command(), "-c", PEAK_MEMORY_WRAPPER, script.toString(), planes.toAbsolutePath().toString(),
                voxel.toString(), Double.toString(cellDiameterUm), Double.toString(threshold), csv.toString(),
                block[0] + "," + block[1] + "," + block[2]);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Matcher m = RESULT.matcher(output);
        if (exit != 0 || !m.find()) {
            throw new IOException("blob_dog_reference.py failed (exit " + exit + "):\n" + tail(output, 15));
        }
        Matcher peak = PEAK.matcher(output);
        long rss = peak.find() ? Long.parseLong(peak.group(1)) * 1024 : -1;
        return new Run(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), Double.parseDouble(m.group(3)), wall, rss, csv);
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length)).strip();
    }

    static String describe(Python p) {
        return String.format(Locale.ROOT, "scikit-image %s (%s)", p.skimageVersion(), p.command());
    }
}
