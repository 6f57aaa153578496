package org.neuroatlas.core.register;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.volume.VoxelSize;

class SmoothWarpsTest {

    private static final long[] DIMS = {66, 40, 57};
    private static final VoxelSize VOXEL = VoxelSize.isotropic(200);

    @Test
    void warpsAreReproduciblePerSeedAndDifferBetweenSeeds() {
        DisplacementField a = SmoothWarps.random(42, DIMS, VOXEL, 200, 300, 1000);
        DisplacementField b = SmoothWarps.random(42, DIMS, VOXEL, 200, 300, 1000);
        DisplacementField c = SmoothWarps.random(43, DIMS, VOXEL, 200, 300, 1000);
        assertEquals(a, b);
        assertNotEquals(a, c);
        // Pin a few values: a change of algorithm or of the random stream would silently change every simulated cohort.
        double[] v = new double[3];
        // Java arithmetic, Random and StrictMath are specified bit for bit, so these hold on every machine.
        a.node(30, 20, 25, v);
        assertArrayEquals(new double[] {-4.844203472137451, -4.1151933670043945, -0.9498629570007324}, v, 0);
        assertEquals("0.9881488082371718 0.09049497362294813 0.10552515545798806 -1243.1665397221864 "
                + "-0.06858959020705495 1.0163586461207443 -0.1709460841105539 1688.7010717618032 "
                + "-0.11800597712777754 0.1670328721977226 0.9829983301260384 610.5328380489451",
                SmoothWarps.randomPose(42, DIMS, VOXEL, 500).toString());
    }

    @Test
    void warpsHitTheirSizeAndNeverFold() {
        for (long seed = 0; seed < 5; seed++) {
            DisplacementField u = SmoothWarps.random(seed, DIMS, VOXEL, 200, 300, 1000);
            assertEquals(300, u.maxDisplacementUm(), 0.01); // gentle enough not to need shrinking
            assertTrue(u.jacobian().minDeterminant() >= SmoothWarps.MIN_JACOBIAN);
        }
        // Asking for far too much: 2 mm displacements over 0.3 mm gets shrunk until det ≥ 0.5.
        DisplacementField wild = SmoothWarps.random(1, DIMS, VOXEL, 200, 2000, 300);
        DisplacementField.Jacobian j = wild.jacobian();
        assertTrue(j.minDeterminant() >= SmoothWarps.MIN_JACOBIAN, "" + j);
        assertEquals(0, j.foldedNodes());
        assertTrue(wild.maxDisplacementUm() < 2000);
        assertTrue(SmoothWarps.random(1, DIMS, VOXEL, 200, 0, 300).isZero());
    }

    @Test
    void posesStayWithinTheirBounds() {
        double[] centre = {(DIMS[0] - 1) * 100.0, (DIMS[1] - 1) * 100.0, (DIMS[2] - 1) * 100.0};
        boolean sawIsotropic = false, sawAnisotropic = false;
        for (long seed = 0; seed < 50; seed++) {
            AffineMap p = SmoothWarps.randomPose(seed, DIMS, VOXEL, 500);
            assertEquals(p, SmoothWarps.randomPose(seed, DIMS, VOXEL, 500));
            double det = p.determinant();
            assertTrue(det > Math.pow(0.92, 3) - 1e-12 && det < Math.pow(1.08, 3) + 1e-12, "det " + det);
            // The centre moves by the translation only.
            double[] c = p.apply(centre);
            for (int d = 0; d < 3; d++) {
                assertTrue(Math.abs(c[d] - centre[d]) <= 500 + 1e-9);
            }
            // M = R·S: the singular values are the scale factors; column lengths of M are the scale factors too.
            double[] len = new double[3];
            for (int col = 0; col < 3; col++) {
                for (int r = 0; r < 3; r++) {
                    len[col] += p.get(r, col) * p.get(r, col);
                }
                len[col] = Math.sqrt(len[col]);
                assertTrue(len[col] >= 0.92 - 1e-12 && len[col] <= 1.08 + 1e-12, "scale " + len[col]);
            }
            boolean iso = Math.abs(len[0] - len[1]) < 1e-12 && Math.abs(len[1] - len[2]) < 1e-12;
            sawIsotropic |= iso;
            sawAnisotropic |= !iso;
            // The rotation part: no axis turns by more than about 10° about each of three axes (≤ ~17.4° in total).
            double cosMin = 1;
            for (int col = 0; col < 3; col++) {
                cosMin = Math.min(cosMin, p.get(col, col) / len[col]);
            }
            assertTrue(cosMin > Math.cos(Math.toRadians(17.5)), "rotation too large: " + p);
        }
        assertTrue(sawIsotropic && sawAnisotropic);
    }
}
