package org.neuroatlas.core.density.fibre;

import java.util.Arrays;

import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.volume.VoxelSize;

/** Balls around given cells (sample µm) whose voxels are somata, not fibres; cells sorted by z for chunk queries. */
final class CellBalls {

    private final double[] x;
    private final double[] y;
    private final double[] z;
    private final double[] r;
    private final double maxR;
    private final VoxelSize voxel;

    /**
     * @param diametersUm per cell diameter (µm) or null; each ball's radius is {@code radiusFactor/ (defaultRadius)} × …
     * @param defaultRadiusUm ball radius for cells without a diameter, µm (already including the margin)
     */
    CellBalls(CellPositions cells, double[] diametersUm, double defaultRadiusUm, VoxelSize voxel) {
        int n = cells.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(cells.zUm(a), cells.zUm(b)));
        x = new double[n];
        y = new double[n];
        z = new double[n];
        r = new double[n];
        double m = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            x[k] = cells.xUm(i);
            y[k] = cells.yUm(i);
            z[k] = cells.zUm(i);
            double d = diametersUm == null || !(diametersUm[i] > 0) ? Double.NaN : diametersUm[i];
            // a given diameter gets the same relative margin as the default
            r[k] = Double.isNaN(d) ? defaultRadiusUm : d / 2 * FibreDensity.CELL_BALL_RADII;
            m = Math.max(m, r[k]);
        }
        maxR = m;
        this.voxel = voxel;
    }

    /**
     * Marks the voxels of the core box (global min, size) inside a ball: flags[(z·sy + y)·sx + x] = 1.
     */
    void paint(long[] min, int[] size, byte[] flags) {
        Arrays.fill(flags, 0, size[0] * size[1] * size[2], (byte) 0);
        double vx = voxel.xUm(), vy = voxel.yUm(), vz = voxel.zUm();
        double z0 = min[2] * vz - maxR;
        double z1 = (min[2] + size[2] - 1) * vz + maxR;
        int from = lowerBound(z0);
        for (int k = from; k < z.length && z[k] <= z1; k++) {
            double rr = r[k];
            int ax0 = (int) Math.max(0, Math.ceil((x[k] - rr) / vx) - min[0]);
            int ax1 = (int) Math.min(size[0] - 1, Math.floor((x[k] + rr) / vx) - min[0]);
            int ay0 = (int) Math.max(0, Math.ceil((y[k] - rr) / vy) - min[1]);
            int ay1 = (int) Math.min(size[1] - 1, Math.floor((y[k] + rr) / vy) - min[1]);
            int az0 = (int) Math.max(0, Math.ceil((z[k] - rr) / vz) - min[2]);
            int az1 = (int) Math.min(size[2] - 1, Math.floor((z[k] + rr) / vz) - min[2]);
            for (int zz = az0; zz <= az1; zz++) {
                double dz = (min[2] + zz) * vz - z[k];
                for (int yy = ay0; yy <= ay1; yy++) {
                    double dy = (min[1] + yy) * vy - y[k];
                    int row = (zz * size[1] + yy) * size[0];
                    for (int xx = ax0; xx <= ax1; xx++) {
                        double dx = (min[0] + xx) * vx - x[k];
                        if (dx * dx + dy * dy + dz * dz <= rr * rr) {
                            flags[row + xx] = 1;
                        }
                    }
                }
            }
        }
    }

    private int lowerBound(double v) {
        int lo = 0;
        int hi = z.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (z[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
