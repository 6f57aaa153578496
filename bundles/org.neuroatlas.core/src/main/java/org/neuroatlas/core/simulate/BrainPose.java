package org.neuroatlas.core.simulate;

import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.register.AffineMap;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.register.DisplacementField;
import org.neuroatlas.core.register.SampleGeometry;
import org.neuroatlas.core.register.SmoothWarps;
import org.neuroatlas.core.volume.AxisMapping;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * Where one simulated brain lies in its light-sheet volume: a random pose (scale ±8 %, rotation ±10° per axis,
 * translation ±{@value #MAX_TRANSLATION_UM} µm), the axis order and flips of the chosen orientation code, and a
 * smooth fold-free warp of up to {@value #MAX_WARP_UM} µm ({@link SmoothWarps}). The whole-brain volume is the
 * bounding box of the posed brain plus a {@value #MARGIN_UM} µm margin, so the brain never touches the edge.
 */
final class BrainPose {

    static final double MAX_TRANSLATION_UM = 400;
    /** Largest warp displacement: about what separates individual mouse brains after affine alignment. */
    static final double MAX_WARP_UM = 150;
    /** Width of the warp's bumps: smooth on the scale of brain regions. */
    static final double WARP_CORRELATION_UM = 1500;
    /** Node spacing of the warp's displacement grid (the warp is smooth on a much larger scale). */
    static final double WARP_GRID_UM = 200;
    static final double MARGIN_UM = 250;

    /** The true transform of the whole-brain volume. */
    final AtlasTransform whole;

    private BrainPose(AtlasTransform whole) {
        this.whole = whole;
    }

    /**
     * @param raster the atlas, whose labelled voxels must all land inside the volume
     */
    static BrainPose create(long seed, AtlasRaster raster, String atlasKey, VoxelSize sampleVoxel, Orientation orientation) {
        long[] atlasDims = {raster.dims()[0], raster.dims()[1], raster.dims()[2]};
        VoxelSize atlasVoxel = raster.voxelUm();
        AffineMap pose = SmoothWarps.randomPose(seed, atlasDims, atlasVoxel, MAX_TRANSLATION_UM);
        AxisMapping axes = Atlas.ORIENTATION.mappingTo(orientation);
        AffineMap toSampleAxes = pose.andThen(AffineMap.fromAxisMapping(axes, atlasDims, atlasVoxel, axes.mapVoxelSize(atlasVoxel)));
        DisplacementField warp = SmoothWarps.random(seed, atlasDims, atlasVoxel, WARP_GRID_UM, MAX_WARP_UM, WARP_CORRELATION_UM);
        // The posed brain's bounding box, from labelled voxels about 100 µm apart (the margin covers the gaps): much
        // tighter than the rotated bounding box of the atlas box.
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        double[] out = new double[3];
        int[] size = raster.dims();
        int step = (int) Math.max(1, Math.round(100 / atlasVoxel.xUm()));
        for (int z = 0; z < size[2]; z += step) {
            for (int y = 0; y < size[1]; y += step) {
                for (int x = 0; x < size[0]; x += step) {
                    if (raster.labelIndexAt(x, y, z) == 0) {
                        continue;
                    }
                    toSampleAxes.apply(x * atlasVoxel.xUm(), y * atlasVoxel.yUm(), z * atlasVoxel.zUm(), out);
                    for (int k = 0; k < 3; k++) {
                        lo[k] = Math.min(lo[k], out[k]);
                        hi[k] = Math.max(hi[k], out[k]);
                    }
                }
            }
        }
        // The warp moves points by at most MAX_WARP_UM before A, which scales by at most 1.08.
        double pad = MARGIN_UM + 1.1 * MAX_WARP_UM;
        long[] dims = new long[3];
        double[] shift = new double[3];
        for (int d = 0; d < 3; d++) {
            shift[d] = -(lo[d] - pad);
            dims[d] = (long) Math.ceil((hi[d] - lo[d] + 2 * pad) / sampleVoxel.um(d)) + 1;
        }
        AffineMap sampleSide = toSampleAxes.andThen(AffineMap.translation(shift[0], shift[1], shift[2]));
        return new BrainPose(AtlasTransform.of(sampleSide, warp, atlasKey, new SampleGeometry(dims, sampleVoxel, orientation)));
    }

    /** Size of the whole-brain volume, voxels (x, y, z). */
    long[] dimensions() {
        return whole.sample().dimensions();
    }

    /**
     * The true transform of a sub-box of the whole volume starting at voxel {@code origin} with size {@code dims}:
     * the same mapping, with sample positions measured from the sub-box's first voxel.
     */
    AtlasTransform cropped(long[] origin, long[] dims) {
        if (origin[0] == 0 && origin[1] == 0 && origin[2] == 0 && java.util.Arrays.equals(dims, dimensions())) {
            return whole;
        }
        VoxelSize v = whole.sample().voxelSizeUm();
        AffineMap side = whole.sampleSide().andThen(AffineMap.translation(-origin[0] * v.xUm(), -origin[1] * v.yUm(), -origin[2] * v.zUm()));
        SampleGeometry g = new SampleGeometry(dims, v, whole.sample().orientation());
        return AtlasTransform.of(side, whole.displacement().orElseThrow(), whole.inverseDisplacement().orElseThrow(), whole.atlasKey(), g);
    }
}
