package org.neuroatlas.core.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.volume.VoxelSize;

class FibreFieldTest {

    /** Half-width of the cube the calibration samples, µm: 20 mm, far more than any correlation length. */
    private static final double SPAN = 10_000;

    private static double realisedFraction(FibreField field, double target, int n, long seed) {
        DeterministicRandom r = DeterministicRandom.of(seed);
        long hits = 0;
        for (int i = 0; i < n; i++) {
            hits += (long) field.occupancy(r.nextDouble(-SPAN, SPAN), r.nextDouble(-SPAN, SPAN), r.nextDouble(-SPAN, SPAN), target);
        }
        return hits / (double) n;
    }

    @Test
    void realisedFractionMatchesTheTarget() {
        double[][] configs = {{2, 40}, {1, 20}, {3, 60}};
        double[] targets = {0.0005, 0.002, 0.01, 0.05};
        for (double[] c : configs) {
            FibreField field = new FibreField(101, c[0], c[1]);
            for (double t : targets) {
                // At least ~2500 expected hits: sampling error ≤ 2 %, so ±15 % is a real test of the calibration.
                int n = (int) Math.max(200_000, 2500 / t);
                double realised = realisedFraction(field, t, n, 7);
                System.out.printf(Locale.ROOT, "FibreField d=%.0f µm λ=%.0f µm: target %.4f realised %.5f (%+.1f %%), %d layers%n",
                        c[0], c[1], t, realised, 100 * (realised / t - 1), field.layersFor(t));
                assertEquals(t, realised, 0.15 * t, "d=" + c[0] + " λ=" + c[1] + " target " + t);
            }
        }
    }

    @Test
    void zeroTargetGivesNoFibreAtAll() {
        FibreField field = new FibreField(3, 2, 30);
        DeterministicRandom r = DeterministicRandom.of(1);
        VoxelSize voxel = new VoxelSize(2, 2, 5);
        int insideAtTarget = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = r.nextDouble(0, 3000);
            double y = r.nextDouble(0, 3000);
            double z = r.nextDouble(0, 3000);
            insideAtTarget += (int) field.occupancy(x, y, z, 0.05);
            assertEquals(0.0, field.occupancy(x, y, z, 0));
            assertEquals(0.0, field.occupancy(x, y, z, -1));
            assertEquals(0.0, field.occupancy(x, y, z, Double.NaN));
            if (i % 10 == 0) {
                assertEquals(0.0, field.coverage(x, y, z, voxel, 0));
            }
        }
        assertTrue(insideAtTarget > 5000, "the same points do hold fibre at a positive target");
        assertEquals(0, field.layersFor(0));
    }

    @Test
    void coverageIsTheAntiAliasedOccupancy() {
        FibreField field = new FibreField(5, 2, 40);
        double target = 0.01;
        VoxelSize voxel = new VoxelSize(2, 2, 5);
        DeterministicRandom r = DeterministicRandom.of(2);
        int n = 300_000;
        double sum = 0;
        int partial = 0;
        for (int i = 0; i < n; i++) {
            double c = field.coverage(r.nextDouble(-SPAN, SPAN), r.nextDouble(-SPAN, SPAN), r.nextDouble(-SPAN, SPAN), voxel, target);
            assertTrue(c >= 0 && c <= 1);
            sum += c;
            if (c > 0 && c < 1) {
                partial++;
            }
        }
        double mean = sum / n;
        double points = realisedFraction(field, target, 1_000_000, 3);
        System.out.printf(Locale.ROOT, "FibreField coverage of 2×2×5 µm voxels: mean %.5f vs point fraction %.5f%n", mean, points);
        assertEquals(points, mean, 0.1 * points, "coverage must conserve the fibre volume");
        assertTrue(partial > 0.5 * n * mean, "voxels larger than the fibre are mostly partly covered");

        // Voxels much smaller than the fibre: coverage ≈ occupancy at the centre.
        VoxelSize tiny = VoxelSize.isotropic(0.05);
        int agree = 0;
        int inside = 0;
        for (int i = 0; i < 200_000 && inside < 300; i++) {
            double x = r.nextDouble(0, 500);
            double y = r.nextDouble(0, 500);
            double z = r.nextDouble(0, 500);
            double o = field.occupancy(x, y, z, 0.05);
            if (o > 0) {
                inside++;
                agree += field.coverage(x, y, z, tiny, 0.05) > 0.5 ? 1 : 0;
            }
        }
        assertTrue(agree > 0.95 * inside, agree + " of " + inside);
    }

    /** A 0.5 µm grid of occupancy around a corner of the field. */
    private static boolean[] grid(FibreField field, int size, double step, double target) {
        boolean[] in = new boolean[size * size * size];
        for (int z = 0; z < size; z++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    in[(z * size + y) * size + x] = field.occupancy(x * step, y * step, z * step, target) > 0;
                }
            }
        }
        return in;
    }

    @Test
    void fibresAreThinAndElongated() {
        int size = 200;
        double step = 0.5;
        FibreField field = new FibreField(11, 2, 30);
        boolean[] in = grid(field, size, step, 0.005);
        int total = 0;
        int interior = 0;
        for (int z = 1; z < size - 1; z++) {
            for (int y = 1; y < size - 1; y++) {
                for (int x = 1; x < size - 1; x++) {
                    if (!in[(z * size + y) * size + x]) {
                        continue;
                    }
                    total++;
                    boolean all = true;
                    for (int dz = -1; dz <= 1 && all; dz++) {
                        for (int dy = -1; dy <= 1 && all; dy++) {
                            for (int dx = -1; dx <= 1 && all; dx++) {
                                all = in[((z + dz) * size + y + dy) * size + x + dx];
                            }
                        }
                    }
                    interior += all ? 1 : 0;
                }
            }
        }
        double interiorFraction = interior / (double) total;
        assertTrue(total > 10_000, "some fibre in the cube: " + total);
        // A 2 µm tube on a 0.5 µm grid: only voxels within ~0.15 µm of the axis have an all-fibre neighbourhood.
        assertTrue(interiorFraction < 0.1, "interior fraction " + interiorFraction);

        // Connected components (26-connected): long compared with their width.
        int[] label = new int[in.length];
        List<double[]> shapes = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < in.length; start++) {
            if (!in[start] || label[start] != 0) {
                continue;
            }
            int id = shapes.size() + 1;
            int[] min = {size, size, size};
            int[] max = {-1, -1, -1};
            int count = 0;
            label[start] = id;
            queue.add(start);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                int x = v % size;
                int y = v / size % size;
                int z = v / (size * size);
                count++;
                int[] p = {x, y, z};
                for (int d = 0; d < 3; d++) {
                    min[d] = Math.min(min[d], p[d]);
                    max[d] = Math.max(max[d], p[d]);
                }
                for (int dz = -1; dz <= 1; dz++) {
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            int ny = y + dy;
                            int nz = z + dz;
                            if (nx < 0 || ny < 0 || nz < 0 || nx >= size || ny >= size || nz >= size) {
                                continue;
                            }
                            int w = (nz * size + ny) * size + nx;
                            if (in[w] && label[w] == 0) {
                                label[w] = id;
                                queue.add(w);
                            }
                        }
                    }
                }
            }
            double extent = step * (1 + Math.max(max[0] - min[0], Math.max(max[1] - min[1], max[2] - min[2])));
            double volume = count * step * step * step;
            double width = Math.sqrt(4 * volume / (Math.PI * extent));
            shapes.add(new double[] {count, extent / width});
        }
        // Volume-weighted median elongation of the components.
        shapes.sort((a, b) -> Double.compare(a[1], b[1]));
        double half = total / 2.0;
        double acc = 0;
        double median = 0;
        for (double[] s : shapes) {
            acc += s[0];
            if (acc >= half) {
                median = s[1];
                break;
            }
        }
        System.out.printf(Locale.ROOT, "FibreField shape: %d components, interior fraction %.3f, median length/width %.1f%n",
                shapes.size(), interiorFraction, median);
        assertTrue(median > 8, "fibres should be elongated: median length/width " + median);
    }

    @Test
    void tubeDiameterIsAsAsked() {
        // From a random point inside a cylinder of radius r, the shortest chord through it is 2√(r² − δ²) (δ its
        // distance from the axis); averaged over the cross-section that is 4r/3 = ⅔ of the diameter.
        for (double diameter : new double[] {1, 3}) {
            FibreField field = new FibreField(21, diameter, 30);
            DeterministicRandom r = DeterministicRandom.of(22);
            double target = 0.02;
            List<Double> chords = new ArrayList<>();
            double[][] directions = new double[120][];
            for (int i = 0; i < directions.length; i++) {
                double[] d = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
                double n = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                directions[i] = new double[] {d[0] / n, d[1] / n, d[2] / n};
            }
            double step = diameter / 60;
            while (chords.size() < 150) {
                double x = r.nextDouble(0, 2000);
                double y = r.nextDouble(0, 2000);
                double z = r.nextDouble(0, 2000);
                if (field.occupancy(x, y, z, target) == 0) {
                    continue;
                }
                double shortest = Double.MAX_VALUE;
                for (double[] d : directions) {
                    double length = step;
                    for (int sign = -1; sign <= 1; sign += 2) {
                        double s = step;
                        while (s < 3 * diameter && field.occupancy(x + sign * s * d[0], y + sign * s * d[1], z + sign * s * d[2], target) > 0) {
                            s += step;
                        }
                        length += s - step;
                    }
                    shortest = Math.min(shortest, length);
                }
                chords.add(shortest);
            }
            double mean = chords.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double max = Collections.max(chords);
            System.out.printf(Locale.ROOT, "FibreField d=%.0f µm: mean shortest chord %.3f µm (ideal %.3f), max %.3f%n",
                    diameter, mean, 2 * diameter / 3, max);
            // 120 directions miss the exact perpendicular by a few degrees: the chords come out a little long.
            assertEquals(2 * diameter / 3, mean, 0.15 * diameter);
            assertEquals(diameter, max, 0.2 * diameter);
        }
    }

    @Test
    void printsSpeed() {
        FibreField field = new FibreField(1, 2, 40);
        VoxelSize voxel = new VoxelSize(2, 2, 5);
        for (double target : new double[] {0.001, 0.01, 0.05}) {
            double sink = 0;
            long best = Long.MAX_VALUE;
            long bestCoverage = Long.MAX_VALUE;
            int m = 200_000;
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < m; i++) {
                    sink += field.occupancy(i * 0.37, i * 0.013 + rep, 17, target);
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < m; i++) {
                    sink += field.coverage(i * 2.0, rep * 2.0, 17, voxel, target);
                }
                long t2 = System.nanoTime();
                best = Math.min(best, t1 - t0);
                bestCoverage = Math.min(bestCoverage, t2 - t1);
            }
            System.out.printf(Locale.ROOT, "FibreField (d=2, λ=40) target %.3f: occupancy %.0f ns, coverage(2×2×5) %.0f ns per voxel, %d layers (%s)%n",
                    target, best / (double) m, bestCoverage / (double) m, field.layersFor(target), sink >= 0 ? "ok" : "");
        }
    }
}
