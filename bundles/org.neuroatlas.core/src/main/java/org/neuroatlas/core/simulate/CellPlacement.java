package org.neuroatlas.core.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neuroatlas.core.CanceledException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.register.AtlasTransform;

/**
 * Places one animal's cells in atlas space and gives them bodies in its sample volume.
 * <p>
 * <b>Counts.</b> Every atlas voxel of label L gets Poisson(density(L) × voxel volume × cells scale) cells, so a
 * region's count is Poisson with mean density × region volume, and positions are uniform within the region at the
 * atlas's resolution. Each voxel's random numbers are keyed by (seed, voxel index), so placement is one
 * deterministic pass.
 * <p>
 * <b>Bodies.</b> Somata 10–25 µm across: a mean radius lognormal around {@value #MEDIAN_RADIUS_UM} µm, each
 * semi-axis 0.8–1.25 × that (clamped to 5–12.5 µm), randomly oriented; brightness lognormal (median
 * {@value #MEDIAN_BRIGHTNESS}, σ_log {@value #BRIGHTNESS_SIGMA}: the middle 90 % spans a factor of 4).
 * <p>
 * <b>Crowding.</b> A cell is not placed closer than {@value #MIN_SEPARATION} × (sum of mean radii) to an earlier
 * one: up to {@value #ATTEMPTS} positions within its voxel are tried. Cells may touch, as they do in dense nuclei,
 * but two somata never merge into one blob that no detector could split. If every attempt fails the last
 * position is kept and counted in {@link Result#crowded()}.
 */
final class CellPlacement {

    static final double MEDIAN_RADIUS_UM = 7.5;
    static final double MIN_RADIUS_UM = 5;
    static final double MAX_RADIUS_UM = 12.5;
    static final double MEDIAN_BRIGHTNESS = 400;
    static final double BRIGHTNESS_SIGMA = 0.42;
    static final double MIN_SEPARATION = 0.8;
    static final int ATTEMPTS = 30;
    private static final long COUNT_STREAM = 0xC0047L;
    private static final long CELL_STREAM = 0xCE11L;
    /** Side of the hash grid used for the crowding test, µm: ≥ the largest possible minimum distance. */
    private static final double GRID_UM = 2 * MAX_RADIUS_UM * MIN_SEPARATION;

    /** The placed cells and how many had to be placed crowded. */
    record Result(List<TrueCell> cells, int crowded) {
    }

    private CellPlacement() {
    }

    static Result place(long seed, AtlasRaster raster, AnimalDensities densities, double cellsScale, AtlasTransform transform, Progress progress) {
        int[] dims = raster.dims();
        double[] v = {raster.voxelUm().xUm(), raster.voxelUm().yUm(), raster.voxelUm().zUm()};
        double voxelMm3 = raster.voxelUm().voxelVolumeMm3();
        List<double[]> placed = new ArrayList<>(); // x, y, z, mean radius, plus shape: a, b, c, qw, qx, qy, qz, brightness
        List<int[]> where = new ArrayList<>(); // label index, x, y, z voxel
        Map<Long, List<Integer>> grid = new HashMap<>();
        int crowded = 0;
        for (int z = 0; z < dims[2]; z++) {
            if (progress.isCanceled()) {
                throw new CanceledException();
            }
            for (int y = 0; y < dims[1]; y++) {
                for (int x = 0; x < dims[0]; x++) {
                    int label = raster.labelIndexAt(x, y, z);
                    double mean = densities.cellsPerMm3[label] * voxelMm3 * cellsScale;
                    if (label == 0 || !(mean > 0)) {
                        continue;
                    }
                    long voxelIndex = ((long) z * dims[1] + y) * dims[0] + x;
                    long count = DeterministicRandom.poisson(mean, seed, COUNT_STREAM, voxelIndex);
                    for (int c = 0; c < count; c++) {
                        DeterministicRandom rnd = DeterministicRandom.of(seed, CELL_STREAM, voxelIndex, c);
                        double[] cell = body(rnd);
                        boolean free = false;
                        for (int attempt = 0; attempt < ATTEMPTS && !free; attempt++) {
                            cell[0] = (x + rnd.nextDouble() - 0.5) * v[0];
                            cell[1] = (y + rnd.nextDouble() - 0.5) * v[1];
                            cell[2] = (z + rnd.nextDouble() - 0.5) * v[2];
                            free = isFree(cell, placed, grid);
                        }
                        crowded += free ? 0 : 1;
                        grid.computeIfAbsent(gridKey(cell[0], cell[1], cell[2], 0, 0, 0), k -> new ArrayList<>()).add(placed.size());
                        placed.add(cell);
                        where.add(new int[] {label, x, y, z});
                    }
                }
            }
            progress.report((z + 1.0) / dims[2], null);
        }
        double[] atlasXyz = new double[3 * placed.size()];
        for (int i = 0; i < placed.size(); i++) {
            System.arraycopy(placed.get(i), 0, atlasXyz, 3 * i, 3);
        }
        double[] sampleXyz = new double[atlasXyz.length];
        transform.atlasToSamplePoints(atlasXyz, sampleXyz);
        List<TrueCell> cells = new ArrayList<>(placed.size());
        for (int i = 0; i < placed.size(); i++) {
            double[] c = placed.get(i);
            int[] w = where.get(i);
            Soma soma = new Soma(sampleXyz[3 * i], sampleXyz[3 * i + 1], sampleXyz[3 * i + 2], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11]);
            cells.add(new TrueCell(i + 1, c[0], c[1], c[2], w[0], raster.labelId(w[0]), raster.hemisphereAt(w[1], w[2], w[3]), soma));
        }
        return new Result(cells, crowded);
    }

    /** A new cell's shape and brightness (slots 3–11), drawn before its position so attempts do not change it. */
    private static double[] body(DeterministicRandom rnd) {
        double[] cell = new double[12];
        double r = clamp(MEDIAN_RADIUS_UM * Math.exp(0.2 * rnd.nextGaussian()));
        double a = clamp(r * rnd.nextDouble(0.8, 1.25));
        double b = clamp(r * rnd.nextDouble(0.8, 1.25));
        double c = clamp(r * rnd.nextDouble(0.8, 1.25));
        cell[3] = Math.cbrt(a * b * c);
        cell[4] = a;
        cell[5] = b;
        cell[6] = c;
        // A normalised 4D Gaussian is a uniformly random rotation.
        for (int k = 7; k <= 10; k++) {
            cell[k] = rnd.nextGaussian();
        }
        cell[11] = MEDIAN_BRIGHTNESS * Math.exp(BRIGHTNESS_SIGMA * rnd.nextGaussian());
        return cell;
    }

    private static double clamp(double r) {
        return Math.max(MIN_RADIUS_UM, Math.min(MAX_RADIUS_UM, r));
    }

    private static boolean isFree(double[] cell, List<double[]> placed, Map<Long, List<Integer>> grid) {
        for (int dz = -1; dz <= 1; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    List<Integer> near = grid.get(gridKey(cell[0], cell[1], cell[2], dx, dy, dz));
                    if (near == null) {
                        continue;
                    }
                    for (int j : near) {
                        double[] o = placed.get(j);
                        double ex = o[0] - cell[0];
                        double ey = o[1] - cell[1];
                        double ez = o[2] - cell[2];
                        double min = MIN_SEPARATION * (o[3] + cell[3]);
                        if (ex * ex + ey * ey + ez * ez < min * min) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    private static long gridKey(double x, double y, double z, int dx, int dy, int dz) {
        long ix = (long) Math.floor(x / GRID_UM) + dx;
        long iy = (long) Math.floor(y / GRID_UM) + dy;
        long iz = (long) Math.floor(z / GRID_UM) + dz;
        return (ix & 0x1FFFFF) | (iy & 0x1FFFFF) << 21 | (iz & 0x1FFFFF) << 42;
    }
}
