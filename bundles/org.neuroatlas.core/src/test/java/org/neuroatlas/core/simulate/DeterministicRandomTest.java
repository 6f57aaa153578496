package org.neuroatlas.core.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DeterministicRandomTest {

    @Test
    void sameKeysGiveSameNumbersWhateverTheEntryPoint() {
        assertEquals(DeterministicRandom.hash(new long[] {7, 8, 9}), DeterministicRandom.hash(7, 8, 9));
        assertEquals(DeterministicRandom.hash(new long[] {7}), DeterministicRandom.hash(7));
        assertEquals(DeterministicRandom.hash(new long[] {7, 8}), DeterministicRandom.hash(7, 8));
        assertEquals(DeterministicRandom.hash(new long[] {7, 8, 9, 10}), DeterministicRandom.hash(7, 8, 9, 10));
        assertEquals(DeterministicRandom.hash(7, 8, 9), DeterministicRandom.extend(DeterministicRandom.hash(7, 8), 9));
        assertEquals(DeterministicRandom.uniform(new long[] {1, 2, 3}), DeterministicRandom.uniform(1, 2, 3));
        assertEquals(DeterministicRandom.gaussian(new long[] {1, 2, 3}), DeterministicRandom.gaussian(1, 2, 3));
        DeterministicRandom a = DeterministicRandom.of(42, 1);
        DeterministicRandom b = DeterministicRandom.of(42, 1);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextLong(), b.nextLong());
            assertEquals(a.nextGaussian(), b.nextGaussian());
            assertEquals(a.nextPoisson(i % 60), b.nextPoisson(i % 60));
        }
    }

    @Test
    void numbersArePinned() {
        // The numbers must not change between versions (or machines), or a seed would no longer reproduce a cohort.
        assertEquals(-7407915962545285700L, DeterministicRandom.hash(1, 2, 3));
        assertEquals(3468448979234345186L, DeterministicRandom.of(1).nextLong());
        assertEquals(-0.10659451075033965, new LatticeNoise(1, 30).value(10, 20, 30), 1e-15);
    }

    @Test
    void differentKeysGiveDifferentNumbers() {
        assertNotEquals(DeterministicRandom.hash(1, 2), DeterministicRandom.hash(2, 1));
        assertNotEquals(DeterministicRandom.hash(1), DeterministicRandom.hash(1, 0));
        assertNotEquals(DeterministicRandom.hash(0), DeterministicRandom.hash());
        Set<Long> seen = new HashSet<>();
        for (long plane = 0; plane < 100; plane++) {
            for (long voxel = 0; voxel < 2000; voxel++) {
                assertTrue(seen.add(DeterministicRandom.hash(5, plane, voxel)), plane + "," + voxel);
            }
        }
        assertNotEquals(DeterministicRandom.of(1).nextLong(), DeterministicRandom.of(2).nextLong());
    }

    @Test
    void uniformHasTheMomentsOfU01() {
        int n = 1_000_000;
        double sum = 0;
        double sum2 = 0;
        int[] bins = new int[10];
        for (int i = 0; i < n; i++) {
            double u = DeterministicRandom.uniform(3, i, 0);
            assertTrue(u >= 0 && u < 1);
            sum += u;
            sum2 += u * u;
            bins[(int) (u * 10)]++;
        }
        double mean = sum / n;
        assertEquals(0.5, mean, 5 * Math.sqrt(1.0 / 12 / n));
        assertEquals(1.0 / 12, sum2 / n - mean * mean, 0.001);
        double chi2 = 0;
        for (int b : bins) {
            chi2 += (b - n / 10.0) * (b - n / 10.0) / (n / 10.0);
        }
        assertTrue(chi2 < 30, "chi² with 9 dof = " + chi2);
    }

    @Test
    void gaussiansHaveTheMomentsOfN01() {
        int n = 1_000_000;
        double[] m = new double[5];
        double[] s = new double[5];
        DeterministicRandom r = DeterministicRandom.of(11);
        for (int i = 0; i < n; i++) {
            double a = DeterministicRandom.gaussian(4, i, 1);
            double b = r.nextGaussian();
            for (int p = 1; p <= 4; p++) {
                m[p] += Math.pow(a, p);
                s[p] += Math.pow(b, p);
            }
        }
        for (double[] x : new double[][] {m, s}) {
            assertEquals(0, x[1] / n, 0.006);
            assertEquals(1, x[2] / n, 0.006);
            assertEquals(0, x[3] / n, 0.03);
            assertEquals(3, x[4] / n, 0.05);
        }
    }

    @Test
    void poissonMeanAndVarianceMatchForSmallAndLargeMeans() {
        int n = 200_000;
        for (double mean : new double[] {0.05, 0.5, 3, 12, 24.9, 25, 40, 300, 1e4}) {
            double sum = 0;
            double sum2 = 0;
            double seqSum = 0;
            DeterministicRandom r = DeterministicRandom.of(7, (long) (mean * 100));
            for (int i = 0; i < n; i++) {
                long k = DeterministicRandom.poisson(mean, 9, i);
                sum += k;
                sum2 += (double) k * k;
                seqSum += r.nextPoisson(mean);
            }
            double m = sum / n;
            double v = sum2 / n - m * m;
            double se = Math.sqrt(mean / n);
            assertEquals(mean, m, 5 * se, "mean for λ=" + mean);
            assertEquals(mean, seqSum / n, 5 * se, "sequential mean for λ=" + mean);
            // Var of the sample variance ≈ (2λ² + λ)/n for Poisson.
            double tolerance = 5 * Math.sqrt((2 * mean * mean + mean) / n) + 0.15;
            assertEquals(mean, v, tolerance, "variance for λ=" + mean);
        }
    }

    @Test
    void smallMeansFollowThePoissonProbabilitiesExactly() {
        double mean = 3;
        int n = 400_000;
        int[] counts = new int[30];
        for (int i = 0; i < n; i++) {
            counts[(int) DeterministicRandom.poisson(mean, 13, i)]++;
        }
        double p = Math.exp(-mean);
        for (int k = 0; k < 12; k++) {
            double expected = n * p;
            assertEquals(expected, counts[k], 5 * Math.sqrt(expected) + 1, "P(" + k + ")");
            p *= mean / (k + 1);
        }
    }

    @Test
    void approximationAboveTheThresholdIsCloseToTheExactDistribution() {
        // At the switch-over the approximate CDF must agree with the exact one to within 1 % everywhere.
        double mean = DeterministicRandom.EXACT_POISSON_BELOW;
        int n = 400_000;
        int[] counts = new int[200];
        for (int i = 0; i < n; i++) {
            counts[(int) DeterministicRandom.poisson(mean, 17, i)]++;
        }
        double p = Math.exp(-mean);
        double exact = 0;
        double observed = 0;
        for (int k = 0; k < 60; k++) {
            exact += p;
            observed += counts[k] / (double) n;
            assertEquals(exact, observed, 0.01, "CDF at " + k);
            p *= mean / (k + 1);
        }
    }

    @Test
    void nextIntIsUnbiasedAndInRange() {
        DeterministicRandom r = DeterministicRandom.of(1);
        int[] counts = new int[7];
        int n = 700_000;
        for (int i = 0; i < n; i++) {
            counts[r.nextInt(7)]++;
        }
        for (int c : counts) {
            assertEquals(n / 7.0, c, 5 * Math.sqrt(n / 7.0));
        }
        assertThrows(IllegalArgumentException.class, () -> r.nextInt(0));
        assertThrows(IllegalArgumentException.class, () -> r.nextPoisson(-1));
        assertThrows(IllegalArgumentException.class, () -> DeterministicRandom.poisson(Double.NaN, 1));
    }
}
