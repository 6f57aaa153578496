package org.neuroatlas.core.simulate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.atlas.Ontology;
import org.neuroatlas.core.atlas.Structure;
import org.neuroatlas.core.register.AtlasTransform;

/**
 * Which part of each simulated brain is imaged: everything, the neighbourhood of some regions, or an atlas-space
 * box. A crop is a sub-box of the whole-brain volume on the same voxel grid, so a cropped volume holds exactly the
 * voxels (noise included) that the whole brain has there; cells are placed in the whole brain either way.
 * <p>
 * Text forms: empty (whole brain); region acronyms separated by commas ({@code VTA,SNc}: the box around the
 * regions and their descendants, plus {@value #MARGIN_UM} µm); or {@code box:AP0,DV0,LR0,AP1,DV1,LR1} in atlas µm
 * (x = AP, y = DV, z = LR; see {@link org.neuroatlas.core.atlas.Atlas}).
 */
final class Crop {

    /** Margin around cropped regions, µm: more than a soma and its blur, so cells at the edge are whole. */
    static final double MARGIN_UM = 100;
    private static final String BOX = "box:";

    private final String text;
    private final Set<Integer> labelIds;
    private final double[] atlasBoxUm;

    private Crop(String text, Set<Integer> labelIds, double[] atlasBoxUm) {
        this.text = text;
        this.labelIds = labelIds;
        this.atlasBoxUm = atlasBoxUm;
    }

    static Crop parse(String text, Ontology ontology) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return new Crop("", null, null);
        }
        if (t.toLowerCase(Locale.ROOT).startsWith(BOX)) {
            String[] parts = t.substring(BOX.length()).split(",");
            double[] box = new double[6];
            try {
                if (parts.length != 6) {
                    throw new NumberFormatException();
                }
                for (int i = 0; i < 6; i++) {
                    box[i] = Double.parseDouble(parts[i].trim());
                }
            } catch (NumberFormatException e) {
                throw InputException.parameter("--crop", "'" + t + "' is not a box of six numbers",
                        "Write box:AP0,DV0,LR0,AP1,DV1,LR1 in atlas µm, e.g. box:7000,3000,5000,8000,5000,6500");
            }
            for (int d = 0; d < 3; d++) {
                if (!(box[d] < box[d + 3])) {
                    throw InputException.parameter("--crop", "box is empty along axis " + "xyz".charAt(d) + " (" + box[d] + " ≥ " + box[d + 3] + ")",
                            "Give the lower corner first");
                }
            }
            return new Crop(t, null, box);
        }
        Set<Integer> ids = new HashSet<>();
        for (String acronym : t.split(",")) {
            if (acronym.isBlank()) {
                continue;
            }
            Structure s = ontology.require(acronym.trim(), "--crop");
            ids.add(s.id());
            ontology.descendants(s).forEach(d -> ids.add(d.id()));
        }
        if (ids.isEmpty()) {
            throw InputException.parameter("--crop", "names no region", "Give region acronyms such as VTA,SNc, or box:…");
        }
        return new Crop(t, ids, null);
    }

    boolean isWholeBrain() {
        return labelIds == null && atlasBoxUm == null;
    }

    String text() {
        return text;
    }

    /**
     * The cropped sub-box of the whole-brain volume: {origin x, y, z, size x, y, z} in voxels.
     *
     * @throws InputException if the crop lies outside the brain's volume or its regions are absent from the atlas
     */
    long[] voxelBox(AtlasTransform whole, AtlasRaster raster) {
        long[] dims = whole.sample().dimensions();
        if (isWholeBrain()) {
            return new long[] {0, 0, 0, dims[0], dims[1], dims[2]};
        }
        double[] points = atlasBoxUm != null ? boxPoints() : regionPoints(raster);
        if (points.length == 0) {
            throw InputException.parameter("--crop", "the regions " + text + " have no voxels in this atlas", "Choose regions the atlas labels");
        }
        double[] sample = new double[points.length];
        whole.atlasToSamplePoints(points, sample);
        long[] box = new long[6];
        for (int d = 0; d < 3; d++) {
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (int i = d; i < sample.length; i += 3) {
                lo = Math.min(lo, sample[i]);
                hi = Math.max(hi, sample[i]);
            }
            double v = whole.sample().voxelSizeUm().um(d);
            long first = Math.max(0, (long) Math.floor((lo - MARGIN_UM) / v));
            long last = Math.min(dims[d] - 1, (long) Math.ceil((hi + MARGIN_UM) / v));
            if (last < first) {
                throw InputException.parameter("--crop", "'" + text + "' lies outside the simulated brain", "Choose a box inside the atlas");
            }
            box[d] = first;
            box[d + 3] = last - first + 1;
        }
        return box;
    }

    /** A 9 × 9 × 9 grid of points spanning the atlas box: enough to follow the smooth warp's bending of its faces. */
    private double[] boxPoints() {
        int n = 9;
        double[] p = new double[3 * n * n * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    int[] idx = {i, j, l};
                    for (int d = 0; d < 3; d++) {
                        p[k++] = atlasBoxUm[d] + (atlasBoxUm[d + 3] - atlasBoxUm[d]) * idx[d] / (n - 1);
                    }
                }
            }
        }
        return p;
    }

    /** The centres of every atlas voxel labelled with one of the crop's structures, in atlas µm. */
    private double[] regionPoints(AtlasRaster raster) {
        boolean[] wanted = new boolean[raster.labelCount()];
        for (int i = 1; i < wanted.length; i++) {
            wanted[i] = labelIds.contains(raster.labelId(i));
        }
        int[] dims = raster.dims();
        List<double[]> chunks = new ArrayList<>();
        double[] buf = new double[3 * 4096];
        int n = 0;
        int total = 0;
        for (int z = 0; z < dims[2]; z++) {
            for (int y = 0; y < dims[1]; y++) {
                for (int x = 0; x < dims[0]; x++) {
                    if (wanted[raster.labelIndexAt(x, y, z)]) {
                        buf[n++] = x * raster.voxelUm().xUm();
                        buf[n++] = y * raster.voxelUm().yUm();
                        buf[n++] = z * raster.voxelUm().zUm();
                        if (n == buf.length) {
                            chunks.add(buf);
                            total += n;
                            buf = new double[buf.length];
                            n = 0;
                        }
                    }
                }
            }
        }
        double[] out = new double[total + n];
        int k = 0;
        for (double[] c : chunks) {
            System.arraycopy(c, 0, out, k, c.length);
            k += c.length;
        }
        System.arraycopy(buf, 0, out, k, n);
        return out;
    }
}
