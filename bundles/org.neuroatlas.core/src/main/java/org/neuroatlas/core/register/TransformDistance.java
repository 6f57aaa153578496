package org.neuroatlas.core.register;

import java.util.Arrays;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * How far one transform is from another (normally an estimate from the true transform of a simulated brain): the
 * distance between the sample points both give for each atlas-brain voxel (annotation &gt; 0), µm.
 *
 * @param meanUm   mean distance, µm
 * @param medianUm median distance, µm
 * @param maxUm    largest distance, µm
 * @param voxels   atlas-brain voxels compared
 */
public record TransformDistance(double meanUm, double medianUm, double maxUm, int voxels) {

    /** Compares {@code estimate} with {@code truth} (atlas → sample) at every atlas-brain voxel centre. */
    public static TransformDistance between(Atlas atlas, AtlasTransform estimate, AtlasTransform truth) {
        double[] points = brainVoxelsUm(atlas);
        int n = points.length / 3;
        double[] e = new double[points.length], t = new double[points.length];
        estimate.atlasToSamplePoints(points, e);
        truth.atlasToSamplePoints(points, t);
        double[] dist = new double[n];
        double sum = 0, max = 0;
        for (int i = 0; i < n; i++) {
            double dx = e[3 * i] - t[3 * i], dy = e[3 * i + 1] - t[3 * i + 1], dz = e[3 * i + 2] - t[3 * i + 2];
            dist[i] = Math.sqrt(dx * dx + dy * dy + dz * dz);
            sum += dist[i];
            max = Math.max(max, dist[i]);
        }
        Arrays.sort(dist);
        double median = n == 0 ? Double.NaN : n % 2 == 1 ? dist[n / 2] : 0.5 * (dist[n / 2 - 1] + dist[n / 2]);
        return new TransformDistance(n == 0 ? Double.NaN : sum / n, median, max, n);
    }

    /** Atlas µm of every atlas-brain voxel centre, interleaved x, y, z, in raster order. */
    static double[] brainVoxelsUm(Atlas atlas) {
        VoxelSize v = atlas.voxelSizeUm();
        Cursor<? extends RealType<?>> c = cursor(atlas.annotation().voxels());
        double[] out = new double[3 * 1024];
        int n = 0;
        while (c.hasNext()) {
            if (c.next().getRealDouble() <= 0) {
                continue;
            }
            if (n + 3 > out.length) {
                out = Arrays.copyOf(out, 2 * out.length);
            }
            for (int d = 0; d < 3; d++) {
                out[n++] = c.getDoublePosition(d) * v.um(d);
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static <T extends RealType<T>> Cursor<T> cursor(RandomAccessibleInterval<T> img) {
        return Views.flatIterable(img).localizingCursor();
    }
}
