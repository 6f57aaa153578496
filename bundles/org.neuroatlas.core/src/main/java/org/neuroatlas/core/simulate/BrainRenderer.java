package org.neuroatlas.core.simulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.neuroatlas.core.atlas.Hemisphere;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * Renders the planes of one simulated brain, each independently (so planes can be rendered on any thread, in any
 * order, with identical results), into uint16 images of both channels.
 * <p>
 * <b>Geometry.</b> Every voxel centre is carried into atlas space by the brain's true transform to find its region
 * (nearest atlas voxel), hemisphere and template brightness. The transform is evaluated exactly at every
 * {@value #STRIDE}th voxel of a row, on a grid fixed in the whole-brain volume, and interpolated linearly between:
 * the warp bends on a scale of ~1 mm, so over {@value #STRIDE} voxels the interpolation is off by a few hundredths of
 * a µm. Crops use the whole-brain grid, so a cropped volume holds exactly the whole brain's voxels there.
 * <p>
 * <b>Signal channel</b> (expected photo-electrons per voxel, before noise): {@value #SIGNAL_OUTSIDE} outside the
 * brain; in tissue {@value #SIGNAL_TISSUE} × (0.6 + 0.4 × template brightness), TH-like background staining; plus
 * {@value #FIBRE_BRIGHTNESS} × the voxel's fibre coverage ({@link FibreField#coverage}); plus the somata
 * ({@link SomaRenderer}, median peak {@value CellPlacement#MEDIAN_BRIGHTNESS}); all × a slow illumination shading
 * (±{@value #SHADING_AMPLITUDE}, feature size {@value #SHADING_FEATURE_UM} µm). Camera: Poisson shot noise, read
 * noise σ = {@value #READ_NOISE} counts, offset {@value #CAMERA_OFFSET}.
 * <p>
 * <b>Autofluorescence channel</b>: {@value #AUTO_OUTSIDE} outside, {@value #AUTO_TISSUE} × normalised template
 * brightness (or the per-region texture of atlases without a template) in tissue, same shading and camera.
 */
final class BrainRenderer {

    static final int STRIDE = 8;
    static final double SIGNAL_OUTSIDE = 30;
    static final double SIGNAL_TISSUE = 60;
    static final double FIBRE_BRIGHTNESS = 300;
    static final double AUTO_OUTSIDE = 30;
    static final double AUTO_TISSUE = 700;
    static final double SHADING_AMPLITUDE = 0.15;
    static final double SHADING_FEATURE_UM = 3000;
    static final double READ_NOISE = 3;
    static final double CAMERA_OFFSET = 100;
    /** Light-sheet point spread function, µm (σ): lateral, axial; and the softness of a soma's own edge. */
    static final double PSF_XY_UM = 1.0;
    static final double PSF_Z_UM = 2.5;
    static final double SOMA_EDGE_UM = 0.6;

    /** Fibre statistics of the voxels of one plane, per label index and hemisphere (0 = left, 1 = right). */
    static final class PlaneStats {
        final long[][] voxels;
        final double[][] fibreCoverage;

        PlaneStats(int labels) {
            voxels = new long[2][labels];
            fibreCoverage = new double[2][labels];
        }

        void add(PlaneStats o) {
            for (int h = 0; h < 2; h++) {
                for (int i = 0; i < voxels[h].length; i++) {
                    voxels[h][i] += o.voxels[h][i];
                    fibreCoverage[h][i] += o.fibreCoverage[h][i];
                }
            }
        }
    }

    private final AtlasRaster raster;
    private final AtlasTransform whole;
    private final long[] origin;
    private final int width;
    private final int height;
    private final VoxelSize voxel;
    private final long wholeWidth;
    private final double[] fibreTarget;
    private final FibreField fibres;
    private final SomaRenderer somaRenderer;
    private final List<Soma> somataByZStart;
    private final double[] somaZStart;
    private final double maxSomaSpanUm;
    private final CameraNoise signalCamera;
    private final CameraNoise autoCamera;
    private final LatticeNoise shading;

    /**
     * @param whole       the brain's true transform for its whole-brain volume
     * @param box         the rendered sub-box {origin x, y, z, size x, y, z} of the whole volume, voxels
     * @param densities   the animal's fibre targets per label
     * @param fibres      the fibre geometry, or null for no fibres
     * @param cells       the animal's cells (bodies in whole-volume µm)
     */
    BrainRenderer(long seed, AtlasRaster raster, AtlasTransform whole, long[] box, AnimalDensities densities, FibreField fibres,
            List<TrueCell> cells) {
        this.raster = raster;
        this.whole = whole;
        this.origin = new long[] {box[0], box[1], box[2]};
        this.width = Math.toIntExact(box[3]);
        this.height = Math.toIntExact(box[4]);
        this.voxel = whole.sample().voxelSizeUm();
        this.wholeWidth = whole.sample().dimensions()[0];
        this.fibreTarget = densities.fibreFraction;
        this.fibres = fibres;
        this.somaRenderer = new SomaRenderer(PSF_XY_UM, PSF_Z_UM, SOMA_EDGE_UM).withZSupersampling(voxel.zUm());
        List<Soma> somata = new ArrayList<>();
        for (TrueCell c : cells) {
            somata.add(c.soma());
        }
        somata.sort(Comparator.comparingDouble(somaRenderer::zMinUm));
        this.somataByZStart = somata;
        this.somaZStart = somata.stream().mapToDouble(somaRenderer::zMinUm).toArray();
        this.maxSomaSpanUm = somata.stream().mapToDouble(s -> somaRenderer.zMaxUm(s) - somaRenderer.zMinUm(s)).max().orElse(0);
        this.signalCamera = new CameraNoise(DeterministicRandom.hash(seed, 0x516L), 1, READ_NOISE, CAMERA_OFFSET);
        this.autoCamera = new CameraNoise(DeterministicRandom.hash(seed, 0xA0F0L), 1, READ_NOISE, CAMERA_OFFSET);
        this.shading = new LatticeNoise(DeterministicRandom.hash(seed, 0x5ADEL), SHADING_FEATURE_UM);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Per-thread working memory for {@link #render}. */
    final class Scratch {
        final float[] signal = new float[width * height];
        final float[] auto = new float[width * height];
        final float[] shade = new float[width * height];
        private final int anchors = (int) ((origin[0] + width - 1) / STRIDE - origin[0] / STRIDE) + 2;
        private final double[] ax = new double[anchors];
        private final double[] ay = new double[anchors];
        private final double[] az = new double[anchors];
        private final double[] shadeAnchor = new double[anchors];
    }

    Scratch scratch() {
        return new Scratch();
    }

    /**
     * Renders plane {@code z} of the sub-box (0-based within it) into {@code signalOut} and {@code autoOut}
     * ({@code width × height}, x fastest, uint16 in shorts) and adds its fibre statistics to {@code stats}.
     */
    void render(int z, Scratch s, short[] signalOut, short[] autoOut, PlaneStats stats) {
        long gz = origin[2] + z;
        double zUm = gz * voxel.zUm();
        long firstAnchor = origin[0] / STRIDE * STRIDE;
        double anchorX0 = firstAnchor * voxel.xUm();
        double anchorDx = STRIDE * voxel.xUm();
        for (int y = 0; y < height; y++) {
            long gy = origin[1] + y;
            double yUm = gy * voxel.yUm();
            whole.sampleToAtlasRow(yUm, zUm, anchorX0, anchorDx, s.anchors, s.ax, s.ay, s.az);
            for (int k = 0; k < s.anchors; k++) {
                s.shadeAnchor[k] = 1 + SHADING_AMPLITUDE * shading.value(anchorX0 + k * anchorDx, yUm, zUm);
            }
            int row = y * width;
            for (int x = 0; x < width; x++) {
                long gx = origin[0] + x;
                long rel = gx - firstAnchor;
                int k = (int) (rel / STRIDE);
                double f = (rel % STRIDE) / (double) STRIDE;
                double px = s.ax[k] + f * (s.ax[k + 1] - s.ax[k]);
                double py = s.ay[k] + f * (s.ay[k + 1] - s.ay[k]);
                double pz = s.az[k] + f * (s.az[k + 1] - s.az[k]);
                float shade = (float) (s.shadeAnchor[k] + f * (s.shadeAnchor[k + 1] - s.shadeAnchor[k]));
                int label = raster.labelIndex(px, py, pz);
                float tissue = raster.tissue(px, py, pz);
                s.shade[row + x] = shade;
                s.auto[row + x] = (float) ((AUTO_OUTSIDE + AUTO_TISSUE * tissue) * shade);
                if (label == 0) {
                    s.signal[row + x] = (float) SIGNAL_OUTSIDE;
                    continue;
                }
                double value = SIGNAL_TISSUE * (0.6 + 0.4 * Math.min(1.5, tissue));
                int side = raster.hemisphere(px, py, pz) == Hemisphere.LEFT ? 0 : 1;
                stats.voxels[side][label]++;
                if (fibres != null && fibreTarget[label] > 0) {
                    double coverage = fibres.coverage(gx * voxel.xUm(), yUm, zUm, voxel, fibreTarget[label]);
                    stats.fibreCoverage[side][label] += coverage;
                    value += FIBRE_BRIGHTNESS * coverage;
                }
                s.signal[row + x] = (float) value;
            }
        }
        // Somata are added to the unshaded plane, so that shading multiplies cells and background alike.
        renderSomata(zUm, s);
        for (int i = 0; i < width * height; i++) {
            s.signal[i] *= s.shade[i];
        }
        for (int y = 0; y < height; y++) {
            long first = (origin[1] + y) * wholeWidth + origin[0];
            signalCamera.applyRow(s.signal, y * width, width, gz, first, signalOut, y * width);
            autoCamera.applyRow(s.auto, y * width, width, gz, first, autoOut, y * width);
        }
    }

    private void renderSomata(double zUm, Scratch s) {
        // Somata starting after this plane cannot touch it; those starting more than the longest span before cannot either.
        int from = lowerBound(somaZStart, zUm - maxSomaSpanUm);
        int to = lowerBound(somaZStart, Math.nextUp(zUm));
        List<Soma> near = somaRenderer.touching(somataByZStart.subList(from, to), zUm);
        if (near.isEmpty()) {
            return;
        }
        double originX = (origin[0] - 0.5) * voxel.xUm(); // pixel centres at index × voxel size
        double originY = (origin[1] - 0.5) * voxel.yUm();
        somaRenderer.render(near, zUm, originX, originY, voxel.xUm(), voxel.yUm(), width, height, s.signal);
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
