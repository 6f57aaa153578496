package org.neuroatlas.core.density;

import org.neuroatlas.core.atlas.Hemisphere;

/**
 * One cell in atlas space.
 *
 * @param atlasXUm   position along AP (atlas x), µm from the first atlas voxel's centre
 * @param atlasYUm   position along DV (atlas y), µm
 * @param atlasZUm   position along LR (atlas z), µm
 * @param regionId   annotation label of the nearest atlas voxel; 0 outside the brain or the atlas grid
 * @param hemisphere side of the nearest atlas voxel ({@link Hemisphere} convention); null outside the atlas grid
 * @param status     whether the cell is in a known region, and if not why
 */
public record MappedCell(double atlasXUm, double atlasYUm, double atlasZUm, int regionId, Hemisphere hemisphere, MappingStatus status) {

    /** Whether the cell counts towards a region. */
    public boolean inBrain() {
        return status == MappingStatus.IN_BRAIN;
    }
}
