package org.neuroatlas.core.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SomaRendererTest {

    private static final int W = 200;
    private static final double PIXEL = 0.5;

    /** Σ over planes z = (k + ½)·dz of the rendered plane, × voxel volume. */
    private static double integral(SomaRenderer r, List<Soma> somata, double dz) {
        float[] plane = new float[W * W];
        double sum = 0;
        for (int k = 0; k * dz < 150; k++) {
            java.util.Arrays.fill(plane, 0);
            r.render(somata, (k + 0.5) * dz, PIXEL, PIXEL, W, W, plane);
            for (float v : plane) {
                sum += v;
            }
        }
        return sum * PIXEL * PIXEL * dz;
    }

    @Test
    void integralIsBrightnessTimesVolume() {
        DeterministicRandom random = DeterministicRandom.of(1);
        double[][] psfs = {{0.5, 1.5, 0.5}, {1, 3, 0.7}};
        for (double[] psf : psfs) {
            SomaRenderer r = new SomaRenderer(psf[0], psf[1], psf[2]);
            for (int i = 0; i < 4; i++) {
                Soma s = Soma.random(50.2, 49.7, 75.3, 5, 12.5, 800, random);
                double expected = s.volumeUm3() * s.brightness();
                double got = integral(r, List.of(s), 0.5);
                assertEquals(expected, got, 0.02 * expected, s + " with PSF " + psf[0] + "," + psf[1]);
            }
        }
        // Thick voxels: supersampling along z keeps the integral even when planes are far apart.
        Soma s = new Soma(50, 50, 71, 5, 6, 5.5, 1, 2, 3, 4, 500);
        SomaRenderer thin = new SomaRenderer(0.5, 1, 0.4);
        double expected = s.volumeUm3() * s.brightness();
        assertEquals(expected, integral(thin.withZSupersampling(8), List.of(s), 8), 0.02 * expected);
    }

    @Test
    void peakIsAtTheCentreAndEqualsTheBrightness() {
        SomaRenderer r = new SomaRenderer(1, 2.5, 0.6);
        Soma s = new Soma(40.25, 60.75, 30, 9, 6, 7, 0.9, 0.1, 0.3, -0.2, 1000);
        float[] plane = new float[W * W];
        r.render(List.of(s), 30, PIXEL, PIXEL, W, W, plane);
        // The profile is flat-topped (a filled cell): its maximum is reached at the centre pixel, and the
        // light's centroid is the centre.
        float max = 0;
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < plane.length; i++) {
            max = Math.max(max, plane[i]);
            sum += plane[i];
            sx += plane[i] * ((i % W) + 0.5) * PIXEL;
            sy += plane[i] * ((i / W) + 0.5) * PIXEL;
        }
        // Pixel centres (i + ½)·0.5: the centre 40.25, 60.75 is pixel (80, 121).
        int best = 121 * W + 80;
        assertEquals(max, plane[best]);
        assertEquals(1000, plane[best], 5);
        assertEquals(40.25, sx / sum, 0.01);
        assertEquals(60.75, sy / sum, 0.01);
        // Planes away from the centre are dimmer at that pixel.
        float[] other = new float[W * W];
        r.render(List.of(s), 36, PIXEL, PIXEL, W, W, other);
        assertTrue(other[best] < plane[best]);
    }

    @Test
    void anisotropyIsRespected() {
        // Small blur: the half-maximum contour is the ellipsoid surface (shifted in by ~σ²/R, < 0.05 µm here).
        SomaRenderer r = new SomaRenderer(0.2, 0.3, 0.3);
        Soma s = Soma.axisAligned(0, 0, 0, 12, 6, 8, 100);
        assertEquals(12, halfMaxExtent(r, s, 1, 0, 0), 0.1);
        assertEquals(6, halfMaxExtent(r, s, 0, 1, 0), 0.1);
        assertEquals(8, halfMaxExtent(r, s, 0, 0, 1), 0.1);
        // Rotated 90° about z (quaternion cos 45°, 0, 0, sin 45°): the long axis now lies along y.
        double c = Math.sqrt(0.5);
        Soma turned = new Soma(0, 0, 0, 12, 6, 8, c, 0, 0, c, 100);
        assertEquals(12, halfMaxExtent(r, turned, 0, 1, 0), 0.1);
        assertEquals(6, halfMaxExtent(r, turned, 1, 0, 0), 0.1);
        assertEquals(12, turned.halfExtentUm(1), 1e-9);
        assertEquals(6, turned.halfExtentUm(0), 1e-9);
        assertEquals(12, turned.boundingRadiusUm());
        // A thicker light sheet widens the edge along z only.
        SomaRenderer thick = new SomaRenderer(0.2, 3, 0.3);
        assertTrue(edgeWidth(thick, s, 0, 0, 1) > 3 * edgeWidth(thick, s, 1, 0, 0));
    }

    private static double halfMaxExtent(SomaRenderer r, Soma s, double dx, double dy, double dz) {
        double lo = 0;
        double hi = 30;
        for (int i = 0; i < 60; i++) {
            double t = (lo + hi) / 2;
            if (r.value(s, s.xUm() + t * dx, s.yUm() + t * dy, s.zUm() + t * dz) > s.brightness() / 2) {
                lo = t;
            } else {
                hi = t;
            }
        }
        return lo;
    }

    /** Distance between the 90 % and 10 % points along a direction, µm. */
    private static double edgeWidth(SomaRenderer r, Soma s, double dx, double dy, double dz) {
        double t90 = 0;
        double t10 = 0;
        for (double t = 0; t < 40; t += 0.01) {
            double v = r.value(s, t * dx, t * dy, t * dz) / s.brightness();
            if (v >= 0.9) {
                t90 = t;
            }
            if (v >= 0.1) {
                t10 = t;
            }
        }
        return t10 - t90;
    }

    @Test
    void touchingSomataAddUp() {
        SomaRenderer r = new SomaRenderer(1, 2, 0.6);
        Soma a = new Soma(45, 50, 20, 8, 6, 7, 1, 0, 0, 0.3, 300);
        Soma b = new Soma(58, 52, 22, 7, 7, 5, 0.2, 1, 0, 0, 500);
        float[] pa = new float[W * W];
        float[] pb = new float[W * W];
        float[] both = new float[W * W];
        r.render(List.of(a), 21, PIXEL, PIXEL, W, W, pa);
        r.render(List.of(b), 21, PIXEL, PIXEL, W, W, pb);
        r.render(List.of(a, b), 21, PIXEL, PIXEL, W, W, both);
        int overlap = 0;
        for (int i = 0; i < both.length; i++) {
            assertEquals(pa[i] + pb[i], both[i], 1e-3);
            if (pa[i] > 1 && pb[i] > 1) {
                overlap++;
            }
        }
        assertTrue(overlap > 0, "the two cells overlap in this plane");
        // Rendering adds to what is there.
        r.render(List.of(a), 21, PIXEL, PIXEL, W, W, pb);
        assertArrayEquals(both, pb, 1e-3f);
    }

    @Test
    void cellsOutsideThePlaneOrGridContributeNothing() {
        SomaRenderer r = new SomaRenderer(1, 2, 0.6);
        Soma far = Soma.axisAligned(50, 50, 100, 10, 10, 10, 1000);
        double zMax = r.zMaxUm(far);
        assertFalse(r.touches(far, 60));
        assertFalse(r.touches(far, zMax + 0.01));
        assertTrue(r.touches(far, 100));
        assertTrue(r.value(far, 50, 50, zMax) < 1e-3);
        Soma offGrid = Soma.axisAligned(-40, 50, 60, 10, 10, 10, 1000);
        float[] plane = new float[W * W];
        r.render(List.of(far, offGrid), 60, PIXEL, PIXEL, W, W, plane);
        for (float v : plane) {
            assertEquals(0f, v);
        }
        // Outside the bounding box of a rendered cell nothing is touched either.
        Soma small = Soma.axisAligned(20, 20, 60, 5, 5, 5, 1000);
        r.render(List.of(small), 60, PIXEL, PIXEL, W, W, plane);
        double reach = 5 + r.marginUm();
        for (int j = 0; j < W; j++) {
            for (int i = 0; i < W; i++) {
                double x = (i + 0.5) * PIXEL;
                double y = (j + 0.5) * PIXEL;
                if (Math.abs(x - 20) > reach || Math.abs(y - 20) > reach) {
                    assertEquals(0f, plane[j * W + i]);
                }
            }
        }
        assertEquals(1000, plane[40 * W + 40], 1);
    }

    @Test
    void slidingWindowFindsTheSameCells() {
        SomaRenderer r = new SomaRenderer(1, 2.5, 0.6);
        DeterministicRandom random = DeterministicRandom.of(9);
        List<Soma> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            all.add(Soma.random(random.nextDouble(0, 100), random.nextDouble(0, 100), random.nextDouble(0, 400),
                    5, 12.5, 100, random));
        }
        List<Soma> sorted = new ArrayList<>(all);
        sorted.sort(SomaRenderer.byZStart());
        List<Soma> window = new ArrayList<>();
        int next = 0;
        for (double z = -30; z < 430; z += 2.5) {
            while (next < sorted.size() && r.zMinUm(sorted.get(next)) <= z) {
                window.add(sorted.get(next++));
            }
            double zz = z;
            window.removeIf(s -> r.zMaxUm(s) < zz);
            assertEquals(new java.util.HashSet<>(r.touching(all, z)), new java.util.HashSet<>(window), "z = " + z);
        }
    }
}
