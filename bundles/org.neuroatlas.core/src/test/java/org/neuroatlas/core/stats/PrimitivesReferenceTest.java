package org.neuroatlas.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.io.CsvTable;

/**
 * Each test on its own against SciPy 1.10.1 / numpy 1.24.2 (reference_primitives.csv, written by make_reference.py):
 * unequal sizes, ties, p-values down to 1e-19, exact distributions up to 55 samples, BH with missing p-values.
 */
class PrimitivesReferenceTest {

    @Test
    void everyCaseMatchesSciPy() {
        CsvTable t = CsvTable.read(ReferenceValuesTest.resource("reference_primitives.csv"));
        List<String> tested = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            String name = t.get(r, "case");
            double[][] g = Arrays.stream(t.get(r, "groups").split("\\|")).map(PrimitivesReferenceTest::numbers).toArray(double[][]::new);
            double[] want = numbers(t.get(r, "expected"));
            double[] got = switch (t.get(r, "test")) {
                case "mwu" -> {
                    MannWhitneyU m = MannWhitneyU.of(g[0], g[1]);
                    yield new double[] {m.u(), m.p()};
                }
                case "jt" -> {
                    JonckheereTerpstra j = JonckheereTerpstra.of(g);
                    yield new double[] {j.j(), j.p()};
                }
                case "welch_t" -> {
                    WelchTTest w = WelchTTest.of(g[0], g[1]);
                    yield new double[] {w.t(), w.df(), w.p()};
                }
                case "kw" -> {
                    KruskalWallis k = KruskalWallis.of(g);
                    yield new double[] {k.h(), k.p()};
                }
                case "welch_anova" -> new double[] {WelchAnova.of(g).p()};
                case "trend" -> {
                    LinearTrend l = LinearTrend.of(g[0], g[1]);
                    yield new double[] {l.slope(), l.p()};
                }
                case "hedges" -> {
                    HedgesG h = HedgesG.of(g[0], g[1]);
                    yield new double[] {h.g(), h.ciLow(), h.ciHigh()};
                }
                case "bh" -> BenjaminiHochberg.adjust(g[0]);
                default -> throw new IllegalStateException(t.get(r, "test"));
            };
            assertEquals(want.length, got.length, name);
            for (int i = 0; i < want.length; i++) {
                if (Double.isNaN(want[i])) {
                    assertTrue(Double.isNaN(got[i]), name + " value " + i + ": expected NaN, got " + got[i]);
                } else {
                    double tol = ReferenceValuesTest.TOLERANCE * Math.max(Math.abs(want[i]), Math.abs(got[i]));
                    assertEquals(want[i], got[i], tol, name + " value " + i);
                }
            }
            tested.add(name);
        }
        assertEquals(18, tested.size(), tested.toString());
    }

    @Test
    void exactPathsAreTakenWithoutTiesAndApproximateOnesWithTies() {
        double[] a = {1.5, 2.5, 3.5};
        double[] b = {4.5, 5.5, 6.5, 7.5};
        assertTrue(MannWhitneyU.of(a, b).exact());
        assertEquals(2.0 / 35, MannWhitneyU.of(a, b).p(), 1e-15, "the most extreme of C(7,3) = 35 arrangements, both tails");
        assertTrue(!MannWhitneyU.of(new double[] {1, 2, 2}, b).exact());
        assertTrue(JonckheereTerpstra.of(a, b).exact());
        assertTrue(!JonckheereTerpstra.of(new double[] {1, 1}, b).exact());
    }

    private static double[] numbers(String text) {
        return Arrays.stream(text.trim().split(" ")).mapToDouble(s -> s.equals("nan") ? Double.NaN : Double.parseDouble(s)).toArray();
    }
}
