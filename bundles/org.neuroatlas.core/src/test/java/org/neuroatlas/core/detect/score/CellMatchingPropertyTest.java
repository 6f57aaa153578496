package org.neuroatlas.core.detect.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.detect.score.CellMatching.Rule;
import org.neuroatlas.core.detect.score.CellMatching.Tolerance;

/**
 * Jittered copies of random cells with known misses and known spurious detections must score exactly as
 * constructed, whatever the rule; and a large input matches quickly.
 */
class CellMatchingPropertyTest {

    private static final double SPACING = 25;

    /**
     * True cells on a jittered lattice (spacing 25 µm, jitter ±3 µm, so ≥ 19 µm apart); detections are the kept
     * cells moved by at most {@code moveUm} in a random direction, plus false positives at lattice-cell centres
     * (≥ 21.6 − 3√3 ≈ 16.4 µm from any true cell), shuffled.
     */
    private record Case(CellPositions detected, CellPositions truth, int missed, int spurious, double meanMoveUm, int[] truthOfDetected) {
    }

    private static Case build(long seed, int lattice, double moveUm, double anisotropyZ) {
        Random rnd = new Random(seed);
        List<double[]> truth = new ArrayList<>();
        List<double[]> centres = new ArrayList<>();
        for (int i = 0; i < lattice; i++) {
            for (int j = 0; j < lattice; j++) {
                for (int k = 0; k < lattice; k++) {
                    if (rnd.nextDouble() < 0.6) {
                        truth.add(new double[] {i * SPACING + jitter(rnd, 3), j * SPACING + jitter(rnd, 3), k * SPACING + jitter(rnd, 3)});
                    } else if (rnd.nextDouble() < 0.3) {
                        centres.add(new double[] {(i + 0.5) * SPACING, (j + 0.5) * SPACING, (k + 0.5) * SPACING});
                    }
                }
            }
        }
        List<double[]> det = new ArrayList<>();
        List<Integer> source = new ArrayList<>();
        int missed = 0;
        double moved = 0;
        for (int t = 0; t < truth.size(); t++) {
            if (rnd.nextDouble() < 0.1) {
                missed++;
                continue;
            }
            double[] u = unit(rnd);
            double len = moveUm * rnd.nextDouble();
            double[] c = truth.get(t);
            det.add(new double[] {c[0] + u[0] * len, c[1] + u[1] * len, c[2] + u[2] * len * anisotropyZ});
            source.add(t);
            moved += len * Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2] * anisotropyZ * anisotropyZ);
        }
        int kept = det.size();
        for (double[] c : centres) {
            det.add(c);
            source.add(-1);
        }
        List<Integer> perm = new ArrayList<>();
        for (int i = 0; i < det.size(); i++) {
            perm.add(i);
        }
        Collections.shuffle(perm, rnd);
        double[][] shuffled = new double[det.size()][];
        int[] expected = new int[det.size()];
        for (int i = 0; i < perm.size(); i++) {
            shuffled[i] = det.get(perm.get(i));
            expected[i] = source.get(perm.get(i));
        }
        return new Case(CellPositions.of(shuffled), CellPositions.of(truth.toArray(double[][]::new)), missed, centres.size(), moved / kept, expected);
    }

    private static double jitter(Random rnd, double amplitude) {
        return (rnd.nextDouble() * 2 - 1) * amplitude;
    }

    private static double[] unit(Random rnd) {
        double[] v = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    @Test
    void jitteredCopiesWithKnownMissesAndSpuriousCellsScoreAsConstructed() {
        for (long seed = 1; seed <= 3; seed++) {
            Case c = build(seed, 12, 6, 1);
            for (Rule rule : Rule.values()) {
                Matching m = CellMatching.match(c.detected(), c.truth(), Tolerance.isotropic(7.5), rule);
                Score s = m.score();
                String what = "seed " + seed + ", " + rule;
                assertEquals(c.truth().size() - c.missed(), s.truePositives(), what);
                assertEquals(c.spurious(), s.falsePositives(), what);
                assertEquals(c.missed(), s.falseNegatives(), what);
                for (int d = 0; d < c.detected().size(); d++) {
                    assertEquals(c.truthOfDetected()[d], m.truthOf(d), what); // the very cell each copy came from
                }
                assertEquals(c.meanMoveUm(), s.meanErrorUm(), 1e-9, what);
                assertEquals((double) s.truePositives() / c.detected().size(), s.precision(), 1e-15);
            }
        }
    }

    @Test
    void anisotropicJitterNeedsTheZRadius() {
        // detections displaced up to 6 µm laterally and 12 µm in z: a 7.5 µm sphere loses some, a 7.5 × 15 ellipsoid none
        Case c = build(7, 10, 6, 2);
        Score sphere = CellMatching.match(c.detected(), c.truth(), Tolerance.isotropic(7.5)).score();
        Score ellipsoid = CellMatching.match(c.detected(), c.truth(), new Tolerance(7.5, 15)).score();
        assertTrue(sphere.truePositives() < c.truth().size() - c.missed(), sphere.toString());
        assertEquals(c.truth().size() - c.missed(), ellipsoid.truePositives());
        assertEquals(c.spurious(), ellipsoid.falsePositives());
    }

    @Test
    void hundredThousandCellsEachSideMatch() {
        Random rnd = new Random(3);
        int n = 100_000;
        // 100k cells in a 1.2 × 1.2 × 1.2 mm cube: ~58 cells per (100 µm)³, like a dense nucleus
        double[] tx = new double[n];
        double[] ty = new double[n];
        double[] tz = new double[n];
        double[] dx = new double[n];
        double[] dy = new double[n];
        double[] dz = new double[n];
        for (int i = 0; i < n; i++) {
            tx[i] = rnd.nextDouble() * 1200;
            ty[i] = rnd.nextDouble() * 1200;
            tz[i] = rnd.nextDouble() * 1200;
            dx[i] = tx[i] + rnd.nextGaussian();
            dy[i] = ty[i] + rnd.nextGaussian();
            dz[i] = tz[i] + rnd.nextGaussian() * 2;
        }
        CellPositions truth = CellPositions.of(tx, ty, tz);
        CellPositions det = CellPositions.of(dx, dy, dz);
        // Scale only, no timing assertion (speed is a benchmark's business): 100k cells stay exact and spatially hashed.
        Matching m = CellMatching.match(det, truth, Tolerance.isotropic(7.5));
        assertEquals(0, m.greedyFallbackCells());
        assertTrue(m.score().recall() > 0.97, m.score().toString());
    }
}
