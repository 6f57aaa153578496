package org.neuroatlas.core.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.neuroatlas.core.CanceledException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.study.SampleSheet;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.VoxelSize;
import org.neuroatlas.core.volume.tiff.TiffWriter;

/**
 * Renders a brain plane by plane on several threads and writes the planes in order as two TIFF series
 * ({@code signal/signal_00000.tif …}, {@code autofluorescence/…}). At most threads + 1 planes are in flight, so
 * memory depends on the plane size and the thread count, not on the volume; the summed fibre statistics are added
 * in plane order, so they do not depend on the thread count either.
 */
final class BrainWriter {

    static final String SIGNAL = SampleSheet.SIGNAL;
    static final String AUTOFLUORESCENCE = SampleSheet.AUTOFLUORESCENCE;

    private record Plane(short[] signal, short[] auto, BrainRenderer.PlaneStats stats) {
    }

    private BrainWriter() {
    }

    /**
     * Writes both channels into {@code folder} (which must exist) and returns the fibre statistics of all planes.
     *
     * @param planes number of planes (z size of the rendered box)
     * @param labels number of atlas label indices
     */
    static BrainRenderer.PlaneStats write(BrainRenderer renderer, int planes, int labels, VoxelSize voxel, int threads, Path folder,
            Progress progress) throws IOException {
        Path signalDir = Files.createDirectories(folder.resolve(SIGNAL));
        Path autoDir = Files.createDirectories(folder.resolve(AUTOFLUORESCENCE));
        int w = renderer.width();
        int h = renderer.height();
        BrainRenderer.PlaneStats total = new BrainRenderer.PlaneStats(labels);
        ThreadLocal<BrainRenderer.Scratch> scratch = ThreadLocal.withInitial(renderer::scratch);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "neuroatlas-simulate");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Plane>> inFlight = new ArrayDeque<>();
        try {
            int next = 0;
            for (int z = 0; z < planes; z++) {
                while (next < planes && inFlight.size() <= threads) {
                    int plane = next++;
                    inFlight.add(pool.submit(() -> {
                        Plane p = new Plane(new short[w * h], new short[w * h], new BrainRenderer.PlaneStats(labels));
                        renderer.render(plane, scratch.get(), p.signal, p.auto, p.stats);
                        return p;
                    }));
                }
                Plane p = await(inFlight.removeFirst());
                progress.checkCanceled();
                TiffWriter.writePlane(signalDir.resolve(TiffWriter.seriesFileName(SIGNAL, z, planes)), p.signal, w, h, PixelType.UINT16, voxel);
                TiffWriter.writePlane(autoDir.resolve(TiffWriter.seriesFileName(AUTOFLUORESCENCE, z, planes)), p.auto, w, h, PixelType.UINT16, voxel);
                total.add(p.stats);
                progress.report((z + 1.0) / planes, "plane " + (z + 1) + " of " + planes);
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Plane await(Future<Plane> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CanceledException();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(c));
        }
    }
}
