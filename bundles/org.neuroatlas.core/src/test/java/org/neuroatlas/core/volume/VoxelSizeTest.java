package org.neuroatlas.core.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.InputException;

class VoxelSizeTest {

    @Test
    void parsesAndPrintsXyz() {
        VoxelSize v = VoxelSize.parse("2, 2,5", "--voxel-size");
        assertEquals(new VoxelSize(2, 2, 5), v);
        assertEquals("2,2,5", v.toString());
        assertEquals("0.65,0.65,2.5", new VoxelSize(0.65, 0.65, 2.5).toString());
        assertEquals(VoxelSize.isotropic(25), VoxelSize.parse("25", "p"));
        assertEquals(25e-9 * 25 * 25, VoxelSize.isotropic(25).voxelVolumeMm3(), 1e-18);
    }

    @Test
    void rejectsNonsenseNamingTheParameter() {
        for (String bad : new String[] {"", "1,2", "a,b,c", "0,1,1", "-1,1,1", "1,1,NaN", "1,1,Infinity", "1,2,3,4"}) {
            InputException e = assertThrows(InputException.class, () -> VoxelSize.parse(bad, "--voxel-size"));
            assertTrue(e.getMessage().startsWith("parameter --voxel-size"), e.getMessage());
        }
    }
}
