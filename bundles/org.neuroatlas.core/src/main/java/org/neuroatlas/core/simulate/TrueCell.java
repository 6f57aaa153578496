package org.neuroatlas.core.simulate;

import org.neuroatlas.core.atlas.Hemisphere;

/**
 * One simulated cell as the ground truth knows it.
 *
 * @param id         1-based, in placement order (stable for a seed)
 * @param atlasXUm   position in atlas space, µm (x = AP, y = DV, z = LR)
 * @param atlasYUm   see atlasXUm
 * @param atlasZUm   see atlasXUm
 * @param labelIndex the {@link AtlasRaster} label index of the voxel it was placed in
 * @param regionId   structure id of that voxel
 * @param hemisphere side of that voxel
 * @param soma       its body in the whole-brain sample volume's µm (x = column × voxel x, …)
 */
record TrueCell(int id, double atlasXUm, double atlasYUm, double atlasZUm, int labelIndex, int regionId, Hemisphere hemisphere, Soma soma) {

    /** Equivalent diameter of the soma's ellipsoid, µm: 2·(abc)^⅓. */
    double diameterUm() {
        return 2 * Math.cbrt(soma.aUm() * soma.bUm() * soma.cUm());
    }
}
