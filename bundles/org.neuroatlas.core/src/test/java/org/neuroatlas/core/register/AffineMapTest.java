package org.neuroatlas.core.register;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.volume.AxisMapping;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.VoxelSize;

class AffineMapTest {

    /** A random well-conditioned map: rotation·scaling plus a small shear, translation in the mm range. */
    static AffineMap randomMap(Random r) {
        double[] c = {r.nextDouble() * 10000, r.nextDouble() * 8000, r.nextDouble() * 11000};
        AffineMap m = AffineMap.scaling(0.5 + r.nextDouble(), 0.5 + r.nextDouble(), 0.5 + r.nextDouble())
                .andThen(AffineMap.of(1, 0.2 * r.nextGaussian(), 0, 0, 0, 1, 0.2 * r.nextGaussian(), 0, 0, 0, 1, 0))
                .andThen(AffineMap.rotation(360 * r.nextDouble(), 360 * r.nextDouble(), 360 * r.nextDouble(), c))
                .andThen(AffineMap.translation(5000 * r.nextGaussian(), 5000 * r.nextGaussian(), 5000 * r.nextGaussian()));
        return r.nextBoolean() ? m : m.andThen(AffineMap.scaling(-1, 1, 1)); // some mirror
    }

    static double[] randomPoint(Random r) {
        return new double[] {20000 * r.nextDouble() - 5000, 20000 * r.nextDouble() - 5000, 20000 * r.nextDouble() - 5000};
    }

    @Test
    void inverseUndoesTheMapBothWays() {
        Random r = new Random(1);
        for (int n = 0; n < 200; n++) {
            AffineMap m = randomMap(r);
            AffineMap inv = m.inverse();
            assertTrue(m.andThen(inv).maxDifference(AffineMap.identity()) < 1e-9, () -> m.toString());
            assertTrue(inv.andThen(m).maxDifference(AffineMap.identity()) < 1e-9, () -> m.toString());
            double[] p = randomPoint(r);
            assertArrayEquals(p, inv.apply(m.apply(p)), 1e-8);
            assertEquals(1 / m.determinant(), inv.determinant(), 1e-12 * Math.abs(inv.determinant()));
        }
    }

    @Test
    void andThenAppliesFirstThisThenNext() {
        Random r = new Random(2);
        for (int n = 0; n < 200; n++) {
            AffineMap a = randomMap(r), b = randomMap(r), c = randomMap(r);
            double[] p = randomPoint(r);
            assertArrayEquals(b.apply(a.apply(p)), a.andThen(b).apply(p), 1e-7);
            // associative, and determinants multiply
            assertTrue(a.andThen(b).andThen(c).maxDifference(a.andThen(b.andThen(c))) < 1e-8);
            assertEquals(a.determinant() * b.determinant(), a.andThen(b).determinant(), 1e-10 * Math.abs(a.determinant() * b.determinant()));
        }
        AffineMap t = AffineMap.translation(1, 2, 3);
        assertEquals(t, AffineMap.identity().andThen(t));
        assertEquals(t, t.andThen(AffineMap.identity()));
    }

    @Test
    void rotationsKeepTheirCentreAndLengths() {
        double[] c = {6550, 4000, 5700};
        AffineMap rot = AffineMap.rotation(7, -4, 9.5, c);
        assertArrayEquals(c, rot.apply(c), 1e-9);
        assertEquals(1, rot.determinant(), 1e-12);
        double[] p = {100, 200, 300};
        double[] q = rot.apply(p);
        assertEquals(dist(p, c), dist(q, c), 1e-9);
        // 90° about z turns x into y (right-handed)
        AffineMap z90 = AffineMap.rotation(0, 0, 90, new double[3]);
        assertArrayEquals(new double[] {0, 1, 0}, z90.apply(new double[] {1, 0, 0}), 1e-15);
        // order: x first, then y: (0,1,0) about x by 90° → (0,0,1), then about y by 90° → (1,0,0)
        assertArrayEquals(new double[] {1, 0, 0}, AffineMap.rotation(90, 90, 0, new double[3]).apply(new double[] {0, 1, 0}), 1e-15);
        AffineMap s = AffineMap.scaling(2, 3, 4, c);
        assertArrayEquals(c, s.apply(c), 1e-9);
        assertEquals(24, s.determinant(), 1e-12);
    }

    private static double dist(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    @Test
    void textRoundTripIsExact() {
        Random r = new Random(3);
        for (int n = 0; n < 100; n++) {
            AffineMap m = randomMap(r);
            assertEquals(m, AffineMap.parse(m.toString()));
        }
        assertEquals("1 0 0 0 0 1 0 0 0 0 1 0", AffineMap.identity().toString());
        assertEquals(AffineMap.translation(1.5, -2, 0), AffineMap.parse("[1, 0, 0, 1.5, 0, 1, 0, -2, 0, 0, 1, 0]"));
        assertThrows(IllegalArgumentException.class, () -> AffineMap.parse("1 2 3"));
        assertThrows(IllegalArgumentException.class, () -> AffineMap.parse("1 0 0 0 0 1 0 0 0 0 1 x"));
        assertThrows(IllegalArgumentException.class, () -> AffineMap.parse("1 0 0 0 0 1 0 0 0 0 1 NaN"));
        assertThrows(IllegalArgumentException.class, () -> AffineMap.parse(null));
    }

    @Test
    void singularMapsHaveNoInverse() {
        assertThrows(IllegalStateException.class, () -> AffineMap.scaling(1, 0, 1).inverse());
        assertThrows(IllegalStateException.class, () -> AffineMap.of(1, 2, 3, 0, 2, 4, 6, 0, 0, 0, 1, 5).inverse());
    }

    static List<Orientation> allOrientations() {
        List<Orientation> out = new ArrayList<>();
        String[][] pairs = {{"a", "p"}, {"s", "i"}, {"l", "r"}};
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] p : perms) {
            for (int flips = 0; flips < 8; flips++) {
                StringBuilder code = new StringBuilder();
                for (int i = 0; i < 3; i++) {
                    code.append(pairs[p[i]][(flips >> i) & 1]);
                }
                out.add(Orientation.parse(code.toString(), "test"));
            }
        }
        return out;
    }

    /** For all 48 × 48 orientation pairs: the physical map equals AxisMapping.mapPosition scaled by the voxel sizes. */
    @Test
    void fromAxisMappingAgreesWithVoxelMappingForAllOrientationPairs() {
        List<Orientation> all = allOrientations();
        assertEquals(48, all.stream().distinct().count());
        long[] dims = {37, 23, 11};
        VoxelSize vs = new VoxelSize(1.5, 2, 5);
        Random r = new Random(4);
        for (Orientation from : all) {
            for (Orientation to : all) {
                AxisMapping m = from.mappingTo(to);
                VoxelSize vt = m.mapVoxelSize(vs);
                AffineMap a = AffineMap.fromAxisMapping(m, dims, vs, vt);
                assertEquals(1, Math.abs(a.determinant()), 1e-12);
                for (int n = 0; n < 5; n++) {
                    double[] idx = {r.nextDouble() * (dims[0] - 1), r.nextDouble() * (dims[1] - 1), r.nextDouble() * (dims[2] - 1)};
                    double[] um = {idx[0] * vs.xUm(), idx[1] * vs.yUm(), idx[2] * vs.zUm()};
                    double[] t = m.mapPosition(idx, dims);
                    double[] expected = {t[0] * vt.xUm(), t[1] * vt.yUm(), t[2] * vt.zUm()};
                    assertArrayEquals(expected, a.apply(um), 1e-9, from + "->" + to);
                }
                // Corner voxel centres map onto corner voxel centres: a flip is x → (n−1)·v − x.
                double[] last = {(dims[0] - 1) * vs.xUm(), (dims[1] - 1) * vs.yUm(), (dims[2] - 1) * vs.zUm()};
                double[] tl = m.mapPosition(new double[] {dims[0] - 1, dims[1] - 1, dims[2] - 1}, dims);
                assertArrayEquals(new double[] {tl[0] * vt.xUm(), tl[1] * vt.yUm(), tl[2] * vt.zUm()}, a.apply(last), 1e-9);
                // And the reverse mapping is the inverse map.
                AffineMap back = AffineMap.fromAxisMapping(m.inverse(), m.mapDimensions(dims), vt, vs);
                assertTrue(a.andThen(back).maxDifference(AffineMap.identity()) < 1e-12, from + "->" + to);
            }
        }
    }

    @Test
    void fromAxisMappingRescalesBetweenVoxelSizes() {
        // Identity orientation, but the target grid has 2× the voxel size: µm scale by 2 (index is kept).
        AxisMapping id = Orientation.parse("psl", "o").mappingTo(Orientation.parse("psl", "o"));
        AffineMap a = AffineMap.fromAxisMapping(id, new long[] {10, 10, 10}, VoxelSize.isotropic(1), VoxelSize.isotropic(2));
        assertArrayEquals(new double[] {6, 8, 10}, a.apply(new double[] {3, 4, 5}), 0);
    }
}
