package org.neuroatlas.core.density;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.Hemisphere;
import org.neuroatlas.core.atlas.Ontology;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;

import net.imglib2.RandomAccess;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;

/**
 * Maps cells from sample µm to atlas µm and looks up their region and hemisphere (see the package documentation
 * for the rules). Reads only the annotation voxels the cells land on, through the atlas's block cache, so any
 * atlas resolution works in bounded memory. Not thread-safe (it keeps one random access into the annotation);
 * the point mapping itself runs in parallel.
 */
public final class CellMapper {

    private final Atlas atlas;
    private final AtlasTransform transform;
    private final long[] dims;
    private final VoxelSize voxel;
    private final Lookup labels;
    private final Lookup hemispheres;

    private CellMapper(Atlas atlas, AtlasTransform transform) {
        this.atlas = atlas;
        this.transform = transform;
        Volume<?> annotation = atlas.annotation();
        this.dims = annotation.dimensions();
        this.voxel = annotation.voxelSizeUm();
        this.labels = Lookup.of(annotation);
        Volume<?> h = atlas.storedHemispheres()
                .map(v -> atlas.storedToAtlas().isIdentity() ? v : v.reorientedTo(Atlas.ORIENTATION)).orElse(null);
        // A hemisphere volume on another grid than the annotation cannot be read voxel for voxel: the midline decides.
        this.hemispheres = h != null && Arrays.equals(h.dimensions(), dims) ? Lookup.of(h) : null;
    }

    /**
     * A mapper for cells of the sample {@code transform} belongs to.
     *
     * @param transformSource where the transform was read from, named in the message on a mismatch
     * @throws org.neuroatlas.core.InputException if the transform was computed for another atlas (identity key)
     */
    public static CellMapper of(Atlas atlas, AtlasTransform transform, Path transformSource) {
        transform.requireAtlas(atlas.identity(), transformSource);
        return new CellMapper(atlas, transform);
    }

    public Atlas atlas() {
        return atlas;
    }

    /** Maps every cell (sample µm, stored axes of the sample volume), in table order; no cell is dropped. */
    public List<MappedCell> map(CellPositions cells, Progress progress) {
        int n = cells.size();
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            xyz[3 * i] = cells.xUm(i);
            xyz[3 * i + 1] = cells.yUm(i);
            xyz[3 * i + 2] = cells.zUm(i);
        }
        transform.sampleToAtlasPoints(xyz, xyz);
        progress.report(0.5, null);
        List<MappedCell> out = new ArrayList<>(n);
        Ontology ontology = atlas.ontology();
        for (int i = 0; i < n; i++) {
            if ((i & 0xFFFF) == 0) {
                progress.checkCanceled();
            }
            out.add(lookUp(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], ontology));
        }
        progress.report(1, null);
        return out;
    }

    /** Region and hemisphere of the atlas voxel nearest to an atlas position (µm). */
    MappedCell lookUp(double xUm, double yUm, double zUm, Ontology ontology) {
        long[] p = {Math.round(xUm / voxel.xUm()), Math.round(yUm / voxel.yUm()), Math.round(zUm / voxel.zUm())};
        for (int d = 0; d < 3; d++) {
            if (p[d] < 0 || p[d] >= dims[d]) {
                return new MappedCell(xUm, yUm, zUm, 0, null, MappingStatus.OUTSIDE_ATLAS);
            }
        }
        int label = (int) (long) labels.get(p);
        Hemisphere side = null;
        if (hemispheres != null) {
            side = Hemisphere.ofBrainGlobeValue((int) hemispheres.get(p));
        }
        if (side == null) {
            // Same rule as the simulator: voxels the hemisphere volume leaves out fall back to the midline split.
            side = Hemisphere.ofMidline(p[2], dims[2]);
        }
        MappingStatus status = label == 0 ? MappingStatus.OUTSIDE_BRAIN
                : ontology.contains(label) ? MappingStatus.IN_BRAIN : MappingStatus.UNKNOWN_LABEL;
        return new MappedCell(xUm, yUm, zUm, label, side, status);
    }

    /** One random access into a volume (atlas voxel indices, from 0). */
    private static final class Lookup {
        private final RandomAccess<? extends RealType<?>> access;
        private final long[] min;
        private final long[] at = new long[3];

        private Lookup(RandomAccess<? extends RealType<?>> access, long[] min) {
            this.access = access;
            this.min = min;
        }

        static <T extends RealType<T> & NativeType<T>> Lookup of(Volume<T> v) {
            return new Lookup(v.voxels().randomAccess(), v.voxels().minAsLongArray());
        }

        double get(long[] p) {
            for (int d = 0; d < 3; d++) {
                at[d] = p[d] + min[d];
            }
            access.setPosition(at);
            return access.get().getRealDouble();
        }
    }
}
