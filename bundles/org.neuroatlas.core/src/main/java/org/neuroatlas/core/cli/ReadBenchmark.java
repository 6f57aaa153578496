package org.neuroatlas.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.volume.BlockCache;
import org.neuroatlas.core.volume.PlaneStream;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeWriters;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.core.volume.VoxelSize;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code neuroatlas benchmark read}: sequential read throughput of a multi-GB TIFF plane series through the lazy
 * reader, next to {@code cat} of the same files with the page cache warm, and the peak heap used. Not a test:
 * it prints figures.
 */
@Command(name = "read", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read throughput of a TIFF plane series (MB/s) next to `cat` of the same files (page cache warm), and peak heap.",
            "Run with a small heap to check bounded memory, e.g. NEUROATLAS_JAVA_OPTS=-Xmx256m ./neuroatlas benchmark read"})
final class ReadBenchmark implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR", description = "An existing plane series to read; default: generate one in a temporary folder and delete it afterwards.")
    Path dir;

    @Option(names = "--gb", paramLabel = "GB", defaultValue = "4", description = "Size of the generated series in GB (default: ${DEFAULT-VALUE}).")
    double gb;

    @Option(names = "--plane", paramLabel = "N", defaultValue = "2048", description = "Generated planes are N × N uint16 (default: ${DEFAULT-VALUE}).")
    int plane;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Timed runs of each reader; the best is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Background reader threads for NeuroAtlas (default: ${DEFAULT-VALUE}).")
    int threads;

    @Spec
    CommandSpec spec;

    /** Sum of sampled voxels, printed so that the reads cannot be optimised away. */
    private long checksum;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path series = dir;
        Path generated = null;
        if (series == null) {
            generated = Files.createTempDirectory("neuroatlas-bench-");
            series = generated.resolve("planes");
            long planes = Math.max(1, Math.round(gb * 1e9 / (2.0 * plane * plane)));
            out.printf(Locale.ROOT, "generating %d planes of %d × %d uint16 (%.2f GB) in %s%n", planes, plane, plane,
                    planes * 2.0 * plane * plane / 1e9, series);
            out.flush();
            Volume<?> synthetic = SyntheticVolume.uint16(plane, plane, planes, VoxelSize.isotropic(1));
            VolumeWriters.writeTiffSeries(synthetic, series, Progress.NONE);
        }
        try {
            List<Path> files = listFiles(series);
            long bytes = 0;
            for (Path f : files) {
                bytes += Files.size(f);
            }
            out.printf(Locale.ROOT, "series: %d files, %.2f GB on disk; max heap %d MB; block cache %d MB%n", files.size(), bytes / 1e9,
                    Runtime.getRuntime().maxMemory() >> 20, BlockCache.shared().budgetBytes() >> 20);
            catSeconds(files); // warm the page cache
            double cat = Double.MAX_VALUE;
            double ours = Double.MAX_VALUE;
            HeapPeaks.reset();
            for (int r = 0; r < runs; r++) {
                cat = Math.min(cat, catSeconds(files));
                ours = Math.min(ours, readSeconds(series));
            }
            long peakHeap = HeapPeaks.bytes();
            double catMBs = bytes / 1e6 / cat;
            double oursMBs = bytes / 1e6 / ours;
            out.printf(Locale.ROOT, "cat:        %8.0f MB/s (best of %d)%n", catMBs, runs);
            out.printf(Locale.ROOT, "NeuroAtlas: %8.0f MB/s (best of %d; %d reader threads) = %.0f %% of cat%n", oursMBs, runs, threads,
                    100 * oursMBs / catMBs);
            out.printf(Locale.ROOT, "checksum:   %d%n", checksum);
            out.printf(Locale.ROOT, "peak heap:  %8d MB (goal ≤ 256 MB whatever the volume size)%n", peakHeap >> 20);
            out.flush();
            return 0;
        } finally {
            if (generated != null) {
                AtomicFile.deleteRecursively(generated);
            }
        }
    }

    private double readSeconds(Path series) {
        long t0 = System.nanoTime();
        long checksum = 0;
        try (Volume<?> v = Volumes.open(series, ReadOptions.defaults().withVoxelSize(VoxelSize.isotropic(1)));
                PlaneStream planes = new PlaneStream(v, 2 * threads, threads)) {
            while (planes.hasNext()) {
                Object p = planes.next();
                // Touch the data so that nothing can be skipped: one voxel per 4 KiB page.
                if (p instanceof short[] a) {
                    for (int i = 0; i < a.length; i += 2048) {
                        checksum += a[i];
                    }
                }
            }
        }
        this.checksum += checksum;
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double catSeconds(List<Path> files) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("cat");
        files.forEach(f -> cmd.add(f.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IOException("cat failed");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static List<Path> listFiles(Path series) throws IOException {
        try (Stream<Path> s = Files.list(series)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
