package org.neuroatlas.core.detect.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.detect.score.CellMatching.Rule;
import org.neuroatlas.core.detect.score.CellMatching.Tolerance;

/** Hand-made matching cases with known answers, and the optimal rule against brute force. */
class CellMatchingTest {

    private static final Tolerance R75 = Tolerance.isotropic(7.5);

    private static CellPositions cells(double[]... xyz) {
        return CellPositions.of(xyz);
    }

    private static double[] p(double x, double y, double z) {
        return new double[] {x, y, z};
    }

    @Test
    void exactDuplicateDetectionsMatchOnceAndTheFirstWins() {
        for (Rule rule : Rule.values()) {
            Matching m = CellMatching.match(cells(p(10, 10, 10), p(10, 10, 10)), cells(p(10, 10, 10)), R75, rule);
            assertEquals(0, m.truthOf(0), rule.name());
            assertEquals(-1, m.truthOf(1), rule.name());
            Score s = m.score();
            assertEquals(1, s.truePositives());
            assertEquals(1, s.falsePositives());
            assertEquals(0, s.falseNegatives());
            assertEquals(0.5, s.precision());
            assertEquals(1.0, s.recall());
            assertEquals(0.0, s.meanErrorUm());
        }
        // and duplicated true cells: one detection finds only one of them
        Matching m = CellMatching.match(cells(p(0, 0, 0)), cells(p(1, 0, 0), p(1, 0, 0)), R75);
        assertEquals(0, m.truthOf(0));
        assertEquals(1, m.score().falseNegatives());
    }

    @Test
    void oneTrueCellSharedByTwoDetectionsGoesToTheCloser() {
        for (Rule rule : Rule.values()) {
            Matching m = CellMatching.match(cells(p(3, 0, 0), p(0, -1, 0)), cells(p(0, 0, 0)), R75, rule);
            assertEquals(-1, m.truthOf(0), rule.name());
            assertEquals(0, m.truthOf(1), rule.name());
            assertEquals(1, m.detectedOf(0));
            assertEquals(1.0, m.distanceUm(1), 1e-12);
        }
    }

    @Test
    void radiusIsInclusiveAndExclusiveJustBeyond() {
        Matching on = CellMatching.match(cells(p(7.5, 0, 0)), cells(p(0, 0, 0)), R75);
        assertEquals(1, on.score().truePositives());
        Matching off = CellMatching.match(cells(p(7.5001, 0, 0)), cells(p(0, 0, 0)), R75);
        assertEquals(0, off.score().truePositives());
        assertEquals(1, off.score().falsePositives());
        assertEquals(1, off.score().falseNegatives());
    }

    @Test
    void aChainWhereGreedyLosesAPairAndOptimalKeepsBoth() {
        // t0 at 0; d1 at 1 is closest to t0 but is also the only detection t1 can have; d0 only reaches t0.
        CellPositions det = cells(p(-5, 0, 0), p(1, 0, 0));
        CellPositions truth = cells(p(0, 0, 0), p(7, 0, 0));
        Matching greedy = CellMatching.match(det, truth, R75, Rule.GREEDY);
        assertEquals(1, greedy.score().truePositives());
        assertEquals(0, greedy.truthOf(1));
        Matching optimal = CellMatching.match(det, truth, R75, Rule.OPTIMAL);
        assertEquals(2, optimal.score().truePositives());
        assertEquals(0, optimal.truthOf(0));
        assertEquals(1, optimal.truthOf(1));
        assertEquals(5.5, optimal.score().meanErrorUm(), 1e-12);
        assertEquals(5.5, optimal.score().medianErrorUm(), 1e-12);
        assertEquals(-5.5, optimal.score().meanOffsetXUm(), 1e-12); // offsets -5 and -6
    }

    @Test
    void amongEquallyLargeMatchingsOptimalTakesTheLeastTotalDistance() {
        // Both assignments match two pairs; d0-t0 + d1-t1 = 1 + 1 beats d0-t1 + d1-t0 = 3 + 3, and greedy agrees here.
        CellPositions det = cells(p(0, 0, 0), p(4, 0, 0));
        CellPositions truth = cells(p(1, 0, 0), p(3, 0, 0));
        Matching m = CellMatching.match(det, truth, R75);
        assertEquals(0, m.truthOf(0));
        assertEquals(1, m.truthOf(1));
        // A case where greedy's closest-first choice costs more total distance at the same cardinality.
        CellPositions det2 = cells(p(0, 0, 0), p(2, 0, 0));
        CellPositions truth2 = cells(p(1.9, 0, 0), p(5.8, 0, 0));
        Matching g = CellMatching.match(det2, truth2, Tolerance.isotropic(6), Rule.GREEDY);
        Matching o = CellMatching.match(det2, truth2, Tolerance.isotropic(6), Rule.OPTIMAL);
        assertEquals(2, g.score().truePositives());
        assertEquals(2, o.score().truePositives());
        // greedy: d1-t0 (0.1) then d0-t1 (5.8) = 5.9; optimal: d0-t0 (1.9) + d1-t1 (3.8) = 5.7
        assertEquals(0, g.truthOf(1));
        assertEquals(0, o.truthOf(0));
        assertEquals(5.7, o.score().meanErrorUm() * 2, 1e-12);
    }

    @Test
    void emptySidesGiveDefinedScores() {
        CellPositions none = cells();
        CellPositions two = cells(p(0, 0, 0), p(50, 0, 0));
        Score bothEmpty = CellMatching.match(none, none, R75).score();
        assertEquals(new Score(0, 0, 0, 0, 0, 1, 1, 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN), bothEmpty);
        Score noDetections = CellMatching.match(none, two, R75).score();
        assertEquals(1.0, noDetections.precision());
        assertEquals(0.0, noDetections.recall());
        assertEquals(0.0, noDetections.f1());
        assertEquals(2, noDetections.falseNegatives());
        Score noTruth = CellMatching.match(two, none, R75).score();
        assertEquals(0.0, noTruth.precision());
        assertEquals(1.0, noTruth.recall());
        assertEquals(0.0, noTruth.f1());
        assertEquals(2, noTruth.falsePositives());
        assertTrue(Double.isNaN(noTruth.meanErrorUm()));
        assertEquals(2, MatchTable.rows(CellMatching.match(two, cells(p(0, 0, 1)), R75)).size()); // a match and a false positive
    }

    @Test
    void anisotropicToleranceIsAnEllipsoid() {
        Tolerance t = new Tolerance(5, 10);
        CellPositions truth = cells(p(0, 0, 0));
        assertEquals(1, CellMatching.match(cells(p(0, 0, 9.9)), truth, t).score().truePositives());
        assertEquals(0, CellMatching.match(cells(p(0, 0, 10.1)), truth, t).score().truePositives());
        assertEquals(0, CellMatching.match(cells(p(5.1, 0, 0)), truth, t).score().truePositives());
        assertEquals(1, CellMatching.match(cells(p(3, 0, 7.9)), truth, t).score().truePositives()); // 0.36 + 0.624 ≤ 1
        assertEquals(0, CellMatching.match(cells(p(3, 0, 8.1)), truth, t).score().truePositives()); // 0.36 + 0.656 > 1
        // the reported distance is the real one, in µm
        assertEquals(9.9, CellMatching.match(cells(p(0, 0, 9.9)), truth, t).distanceUm(0), 1e-12);
        // in z-scaled space the detection 8 µm above is closer (4 scaled µm) than the one 4.5 µm aside
        Matching m = CellMatching.match(cells(p(4.5, 0, 0), p(0, 0, 8)), truth, t);
        assertEquals(0, m.truthOf(1));
        assertEquals(-1, m.truthOf(0));
    }

    @Test
    void farApartAndNegativeCoordinatesAreFound() {
        // Spans far beyond 2^21 radii force coarser grid cells; pairs must still be found.
        CellPositions det = cells(p(-1e9, 0, 0), p(1e9, 5, 5), p(0.5, -3, 2));
        CellPositions truth = cells(p(1e9, 5, 6), p(-1e9, 1, 0), p(0, -3, 2));
        Matching m = CellMatching.match(det, truth, Tolerance.isotropic(2));
        assertEquals(1, m.truthOf(0));
        assertEquals(0, m.truthOf(1));
        assertEquals(2, m.truthOf(2));
    }

    @Test
    void oversizedComponentsFallBackToGreedyAndSaySo() {
        CellPositions det = cells(p(-5, 0, 0), p(1, 0, 0), p(100, 0, 0));
        CellPositions truth = cells(p(0, 0, 0), p(7, 0, 0), p(100, 0, 1));
        Matching m = CellMatching.match(det, truth, R75, Rule.OPTIMAL, 3);
        assertEquals(4, m.greedyFallbackCells()); // the chain of four; the isolated pair is solved directly
        assertEquals(2, m.score().truePositives());
        assertEquals(0, CellMatching.match(det, truth, R75).greedyFallbackCells());
        assertEquals(3, CellMatching.match(det, truth, R75).score().truePositives());
    }

    @Test
    void optimalMatchesBruteForceOnRandomSmallClusters() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            int nd = rnd.nextInt(7);
            int nt = rnd.nextInt(7);
            double[][] d = new double[nd][];
            double[][] t = new double[nt][];
            for (int i = 0; i < nd; i++) {
                // coarse values make exact distance ties common
                d[i] = p(rnd.nextInt(12), rnd.nextInt(12), rnd.nextInt(3) * 2);
            }
            for (int i = 0; i < nt; i++) {
                t[i] = p(rnd.nextInt(12), rnd.nextInt(12), rnd.nextInt(3) * 2);
            }
            Tolerance tol = trial % 2 == 0 ? Tolerance.isotropic(5) : new Tolerance(4, 6);
            Matching m = CellMatching.match(cells(d), cells(t), tol);
            double[] best = brute(d, t, tol, 0, new boolean[nt]);
            double cost = 0;
            for (int i = 0; i < nd; i++) {
                if (m.truthOf(i) >= 0) {
                    double c = scaled(d[i], t[m.truthOf(i)], tol);
                    assertTrue(c <= tol.radiusUm() + 1e-12, "match beyond the tolerance");
                    assertEquals(i, m.detectedOf(m.truthOf(i)));
                    cost += c;
                }
            }
            assertEquals((int) best[0], m.score().truePositives(), "cardinality, trial " + trial);
            assertEquals(best[1], cost, 1e-9, "total distance, trial " + trial);
            Matching greedy = CellMatching.match(cells(d), cells(t), tol, Rule.GREEDY);
            assertTrue(greedy.score().truePositives() <= m.score().truePositives());
            // same input, same answer
            Matching again = CellMatching.match(cells(d), cells(t), tol);
            for (int i = 0; i < nd; i++) {
                assertEquals(m.truthOf(i), again.truthOf(i));
            }
        }
    }

    private static double scaled(double[] a, double[] b, Tolerance tol) {
        double s = tol.radiusUm() / tol.zRadiusUm();
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = (a[2] - b[2]) * s;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** {best cardinality, least total scaled distance at that cardinality} over all assignments of d[i..]. */
    private static double[] brute(double[][] d, double[][] t, Tolerance tol, int i, boolean[] used) {
        if (i == d.length) {
            return new double[] {0, 0};
        }
        double[] best = brute(d, t, tol, i + 1, used); // d[i] unmatched
        for (int j = 0; j < t.length; j++) {
            double c = scaled(d[i], t[j], tol);
            if (!used[j] && c <= tol.radiusUm()) {
                used[j] = true;
                double[] rest = brute(d, t, tol, i + 1, used);
                used[j] = false;
                double n = rest[0] + 1;
                double cost = rest[1] + c;
                if (n > best[0] || (n == best[0] && cost < best[1] - 1e-12)) {
                    best = new double[] {n, cost};
                }
            }
        }
        return best;
    }
}
