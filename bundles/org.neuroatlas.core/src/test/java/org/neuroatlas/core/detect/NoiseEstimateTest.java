package org.neuroatlas.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class NoiseEstimateTest {

    static double sortedMedian(float[] a) {
        float[] s = a.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * ((double) s[n / 2 - 1] + s[n / 2]);
    }

    @Test
    void selectionGivesTheSameMedianAndMadAsSorting() {
        Random r = new Random(3);
        for (int n : new int[] {1, 2, 3, 10, 1001, 4096, 100_000}) {
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                // ties and a heavy tail, as in an enhanced image with cells
                a[i] = r.nextInt(10) == 0 ? 50 + r.nextInt(500) : Math.round(r.nextGaussian() * 8) / 2f;
            }
            double median = sortedMedian(a);
            float[] dev = new float[n];
            for (int i = 0; i < n; i++) {
                dev[i] = (float) Math.abs(a[i] - median);
            }
            NoiseEstimate e = NoiseEstimate.of(a.clone());
            assertEquals(median, e.median(), 0.0, "n = " + n);
            assertEquals(sortedMedian(dev), e.mad(), 0.0, "n = " + n);
        }
        assertEquals(new NoiseEstimate(0, 0), NoiseEstimate.of(new float[0]));
    }
}
