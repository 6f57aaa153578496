package org.neuroatlas.core.density.fibre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.volume.VoxelSize;

/** Voxels too coarse for the fibres looked for are named in a warning; fine ones are not. */
class FibreSettingsTest {

    @Test
    void coarseVoxelsRaiseAResolutionConcern() {
        FibreSettings defaults = FibreSettings.defaults(); // fibres 1-3 µm
        assertEquals(Optional.empty(), defaults.resolutionConcern(new VoxelSize(2, 2, 5)));
        assertEquals(Optional.empty(), defaults.resolutionConcern(new VoxelSize(6, 6, 6)), "finest axis at twice the thickest fibre is still fine");
        String c = defaults.resolutionConcern(new VoxelSize(50, 50, 50)).orElseThrow();
        assertTrue(c.startsWith("voxels of 50,50,50 µm are too coarse for fibres 1-3 µm thick"), c);
        // The finest axis decides (light-sheet z steps are often much coarser than x and y).
        assertEquals(Optional.empty(), defaults.resolutionConcern(new VoxelSize(2, 2, 20)));
    }
}
