package org.neuroatlas.core.register;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedIntType;

import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * The atlas annotation carried into a sample grid (normally the prepared, downsampled sample in the sample's own
 * axes): each voxel centre (sample µm) is carried to atlas µm by {@link AtlasTransform#sampleToAtlasRow} and takes
 * the label of the nearest annotation voxel, 0 outside the annotation. Labels are never interpolated. Works for any
 * transform; computed plane by plane when read.
 */
final class AtlasInSample {

    private final RandomAccessibleInterval<? extends RealType<?>> labels;
    private final VoxelSize labelUm;
    private final AtlasTransform transform;
    private final int nx;
    private final int ny;
    private final int nz;
    private final double[] spacingUm;
    private final double[] originUm;

    /**
     * @param annotation labels in atlas space (x = AP, y = DV, z = LR), atlas µm = index × its voxel size
     * @param transform  atlas µm ↔ sample µm
     * @param dims       the sample grid's size, voxels
     * @param spacingUm  the sample grid's voxel size, µm
     * @param originUm   sample µm of the sample grid's first voxel centre
     */
    AtlasInSample(Volume<?> annotation, AtlasTransform transform, long[] dims, double[] spacingUm, double[] originUm) {
        this.labels = annotation.voxels();
        this.labelUm = annotation.voxelSizeUm();
        this.transform = transform;
        this.nx = Math.toIntExact(dims[0]);
        this.ny = Math.toIntExact(dims[1]);
        this.nz = Math.toIntExact(dims[2]);
        this.spacingUm = spacingUm.clone();
        this.originUm = originUm.clone();
    }

    /** Plane {@code z} of labels (uint32 bit patterns), x fastest, into {@code out}; rows in parallel. */
    void plane(int z, int[] out) {
        Parallel.forEach(ny, y -> {
            double[] ax = new double[nx], ay = new double[nx], az = new double[nx];
            transform.sampleToAtlasRow(originUm[1] + y * spacingUm[1], originUm[2] + z * spacingUm[2], originUm[0], spacingUm[0], nx, ax, ay,
                    az);
            RandomAccess<? extends RealType<?>> ra = labels.randomAccess();
            long[] min = labels.minAsLongArray(), max = labels.maxAsLongArray();
            long[] pos = new long[3];
            for (int x = 0; x < nx; x++) {
                out[y * nx + x] = label(ra, min, max, pos, ax[x], ay[x], az[x]);
            }
        });
    }

    private int label(RandomAccess<? extends RealType<?>> ra, long[] min, long[] max, long[] pos, double x, double y, double z) {
        double[] p = {x, y, z};
        for (int d = 0; d < 3; d++) {
            double u = Math.rint(p[d] / labelUm.um(d));
            if (!(u >= 0 && u <= max[d] - min[d])) {
                return 0;
            }
            pos[d] = min[d] + (long) u;
        }
        ra.setPosition(pos);
        return (int) (long) ra.get().getRealDouble();
    }

    /** The labels as a lazily computed uint32 volume on the sample grid, with the sample's orientation code. */
    Volume<UnsignedIntType> volume(String name, Orientation orientation) {
        RandomAccessibleInterval<UnsignedIntType> img = PlaneVolumes.lazy(nx, ny, nz, PixelType.UINT32, (plane, z) -> plane(z, (int[]) plane));
        return Volume.of(img, new VoxelSize(spacingUm[0], spacingUm[1], spacingUm[2]), PixelType.UINT32, name, orientation, java.util.Map.of(),
                null);
    }
}
