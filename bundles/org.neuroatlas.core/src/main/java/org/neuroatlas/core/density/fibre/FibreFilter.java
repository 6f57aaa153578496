package org.neuroatlas.core.density.fibre;

import java.util.ArrayList;
import java.util.List;

import org.neuroatlas.core.detect.MirrorBoundary;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeBlocks;

/**
 * One worker's filters and buffers (reused from box to box): for a box of the volume (a core plus a halo, padded by
 * mirroring at the volume's true edges) the ridge response R (max over the fibre scales of σ² × tubularity of the
 * Hessian, intensity units) and the soma response S (difference of Gaussians at the cell scale, intensity units),
 * both over the core grown by one voxel. Every value is computed from the same padded inputs with the taps summed in
 * the same order whatever the box, so results never depend on the chunking.
 */
final class FibreFilter {

    /** Kernels narrower than this many voxels are too coarsely sampled to give second derivatives: σ is raised to it. */
    static final double MIN_SIGMA_VOXELS = 0.7;
    /** DoG scales at the cell scale, as the detector: σ_in = r/√3/√1.6, σ_out = 1.6 σ_in. */
    static final double DOG_RATIO = 1.6;

    /** Per scale: kernels per axis, and σ² (µm²) for the normalisation. */
    final List<Kernels[]> scales = new ArrayList<>();
    final List<Double> scaleSigma2 = new ArrayList<>();
    final Kernels[] dogIn = new Kernels[3];
    final Kernels[] dogOut = new Kernels[3];
    /** Halo per axis: the widest kernel's radius plus {@link #NEIGHBOUR_REACH} voxels for the neighbourhood tests. */
    final int[] halo = new int[3];
    /**
     * How far beyond the core R and S are computed, voxels: a core voxel's rules read its 26 neighbours, and whether
     * a neighbour hides tissue reads that neighbour's own neighbours ({@link FibreChunk}).
     */
    static final int NEIGHBOUR_REACH = 2;
    final double[] voxelUm;
    private final Volume<?> volume;
    private final long[] dims;

    // buffers over the padded box
    int[] padded = new int[3];
    float[] input = new float[0];
    private float[][] t = new float[12][];
    float[] ridge = new float[0];
    float[] soma = new float[0];
    private Object raw;

    FibreFilter(Volume<?> volume, FibreSettings s) {
        this.volume = volume;
        this.dims = volume.dimensions();
        this.voxelUm = new double[] {volume.voxelSizeUm().xUm(), volume.voxelSizeUm().yUm(), volume.voxelSizeUm().zUm()};
        for (double sigma : sigmasUm(s)) {
            Kernels[] k = new Kernels[3];
            boolean same = !scales.isEmpty();
            for (int d = 0; d < 3; d++) {
                k[d] = new Kernels(Math.max(MIN_SIGMA_VOXELS, sigma / voxelUm[d]));
                same = same && java.util.Arrays.equals(k[d].gauss, scales.get(scales.size() - 1)[d].gauss);
            }
            if (!same) { // scales raised to the same kernel by MIN_SIGMA_VOXELS are one scale
                scales.add(k);
                // normalise with the σ actually applied along the finest axis, so that R is a fraction of the fibre's brightness
                double applied = Math.max(sigma, MIN_SIGMA_VOXELS * Math.min(voxelUm[0], Math.min(voxelUm[1], voxelUm[2])));
                scaleSigma2.add(applied * applied);
            }
            for (int d = 0; d < 3; d++) {
                halo[d] = Math.max(halo[d], k[d].radius + NEIGHBOUR_REACH);
            }
        }
        double sigmaIn = s.cellDiameterUm() / 2 / Math.sqrt(3) / Math.sqrt(DOG_RATIO);
        for (int d = 0; d < 3; d++) {
            dogIn[d] = new Kernels(Math.max(MIN_SIGMA_VOXELS, sigmaIn / voxelUm[d]));
            dogOut[d] = new Kernels(Math.max(MIN_SIGMA_VOXELS, DOG_RATIO * sigmaIn / voxelUm[d]));
            halo[d] = Math.max(halo[d], dogOut[d].radius + NEIGHBOUR_REACH);
        }
    }

    /**
     * The Hessian scales, µm: σ = d/(2√2) for fibre diameters d from the smallest to the largest in steps of √2
     * (the σ at which the σ²-normalised second derivative of a tube of diameter d, blurred a little, peaks).
     */
    static List<Double> sigmasUm(FibreSettings s) {
        List<Double> out = new ArrayList<>();
        double d = s.diameterMinUm();
        while (true) {
            out.add(d / (2 * Math.sqrt(2)));
            if (d >= s.diameterMaxUm()) {
                return out;
            }
            d = Math.min(s.diameterMaxUm(), d * Math.sqrt(2));
        }
    }

    /** Bytes one worker holds for a core of this size. */
    long bytesFor(int[] core) {
        long n = 1;
        for (int d = 0; d < 3; d++) {
            n *= Math.min(dims[d], core[d]) + 2L * halo[d];
        }
        return n * (4L * (3 + t.length) + volume.pixelType().bytesPerVoxel());
    }

    /** Filters the box with core origin {@code min} and size {@code size} (global voxels, inside the volume). */
    void run(long[] min, int[] size) {
        int n = 1;
        for (int d = 0; d < 3; d++) {
            padded[d] = size[d] + 2 * halo[d];
            n = Math.multiplyExact(n, padded[d]);
        }
        ensure(n);
        read(min, size);
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int d = 0; d < 3; d++) {
            lo[d] = halo[d] - NEIGHBOUR_REACH;
            hi[d] = halo[d] + size[d] + NEIGHBOUR_REACH;
        }
        hessian(lo, hi);
        dog(lo, hi);
    }

    private void ensure(int n) {
        if (input.length < n) {
            input = new float[n];
            ridge = new float[n];
            soma = new float[n];
            for (int i = 0; i < t.length; i++) {
                t[i] = new float[n];
            }
            raw = volume.pixelType().newArray(n);
        }
    }

    /** The padded box into {@link #input}: the part inside the volume read once, the rest mirrored about the edge voxels. */
    private void read(long[] min, int[] size) {
        long[] cmin = new long[3];
        int[] csize = new int[3];
        int[][] map = new int[3][];
        for (int d = 0; d < 3; d++) {
            long a = Math.max(0, min[d] - halo[d]);
            long b = Math.min(dims[d], min[d] + size[d] + halo[d]);
            cmin[d] = a;
            csize[d] = (int) (b - a);
            map[d] = new int[padded[d]];
            for (int i = 0; i < padded[d]; i++) {
                long g = MirrorBoundary.index(min[d] - halo[d] + i, dims[d]);
                map[d][i] = (int) (g - a);
            }
        }
        VolumeBlocks.copy(volume.voxels(), volume.pixelType(), cmin, csize, raw);
        PixelType type = volume.pixelType();
        int px = padded[0];
        int py = padded[1];
        for (int z = 0; z < padded[2]; z++) {
            for (int y = 0; y < py; y++) {
                int src = (map[2][z] * csize[1] + map[1][y]) * csize[0];
                int dst = (z * py + y) * px;
                for (int x = 0; x < px; x++) {
                    input[dst + x] = value(type, src + map[0][x]);
                }
            }
        }
    }

    private float value(PixelType type, int i) {
        return switch (type) {
            case UINT8 -> ((byte[]) raw)[i] & 0xff;
            case UINT16 -> ((short[]) raw)[i] & 0xffff;
            case UINT32 -> (float) (((int[]) raw)[i] & 0xffffffffL);
            case FLOAT32 -> {
                float v = ((float[]) raw)[i];
                yield Float.isNaN(v) ? 0f : v;
            }
        };
    }


    /** R over [lo, hi): the maximum over the scales of σ² × tubularity of the Hessian in µm⁻². */
    private void hessian(int[] lo, int[] hi) {
        int px = padded[0];
        int py = padded[1];
        boolean first = true;
        for (int s = 0; s < scales.size(); s++) {
            Kernels[] k = scales.get(s);
            // each pass only where later passes read it: the halo is sized for the wider cell-scale kernels
            int[] full0 = {lo[0] - k[0].radius, lo[1] - k[1].radius, lo[2]};
            int[] full1 = {hi[0] + k[0].radius, hi[1] + k[1].radius, hi[2]};
            int[] mid0 = {lo[0] - k[0].radius, lo[1], lo[2]};
            int[] mid1 = {hi[0] + k[0].radius, hi[1], hi[2]};
            float[] gz = t[0], d1z = t[1], d2z = t[2];
            conv(input, gz, 2, k[2].gauss, full0, full1);
            conv(input, d1z, 2, k[2].first, full0, full1);
            conv(input, d2z, 2, k[2].second, full0, full1);
            float[] a = t[3], b = t[4], c = t[5], e = t[6], f = t[7], g = t[8];
            conv(gz, a, 1, k[1].gauss, mid0, mid1);   // Gz Gy
            conv(gz, b, 1, k[1].second, mid0, mid1);  // Gz D2y
            conv(d2z, c, 1, k[1].gauss, mid0, mid1);  // D2z Gy
            conv(gz, e, 1, k[1].first, mid0, mid1);   // Gz D1y
            conv(d1z, f, 1, k[1].gauss, mid0, mid1);  // D1z Gy
            conv(d1z, g, 1, k[1].first, mid0, mid1);  // D1z D1y
            float[] hxx = t[0], hyy = t[1], hzz = t[2], hxy = t[9], hxz = t[10], hyz = t[11];
            conv(a, hxx, 0, k[0].second, lo, hi);
            conv(b, hyy, 0, k[0].gauss, lo, hi);
            conv(c, hzz, 0, k[0].gauss, lo, hi);
            conv(e, hxy, 0, k[0].first, lo, hi);
            conv(f, hxz, 0, k[0].first, lo, hi);
            conv(g, hyz, 0, k[0].gauss, lo, hi);
            double s2 = scaleSigma2.get(s);
            // per voxel derivatives → µm: divide by the voxel sizes; then σ²-normalise
            double cxx = s2 / (voxelUm[0] * voxelUm[0]), cyy = s2 / (voxelUm[1] * voxelUm[1]), czz = s2 / (voxelUm[2] * voxelUm[2]);
            double cxy = s2 / (voxelUm[0] * voxelUm[1]), cxz = s2 / (voxelUm[0] * voxelUm[2]), cyz = s2 / (voxelUm[1] * voxelUm[2]);
            for (int z = lo[2]; z < hi[2]; z++) {
                for (int y = lo[1]; y < hi[1]; y++) {
                    int row = (z * py + y) * px;
                    for (int i = row + lo[0]; i < row + hi[0]; i++) {
                        float r = (float) SymmetricEigen.tubularity(cxx * hxx[i], cyy * hyy[i], czz * hzz[i], cxy * hxy[i], cxz * hxz[i], cyz * hyz[i]);
                        ridge[i] = first || r > ridge[i] ? r : ridge[i];
                    }
                }
            }
            first = false;
        }
    }

    /** S over [lo, hi): G(σ_in) − G(σ_out) of the input at the cell scale. */
    private void dog(int[] lo, int[] hi) {
        int rx = dogOut[0].radius;
        int ry = dogOut[1].radius;
        int[] full0 = {lo[0] - rx, lo[1] - ry, lo[2]};
        int[] full1 = {hi[0] + rx, hi[1] + ry, hi[2]};
        int[] mid0 = {lo[0] - rx, lo[1], lo[2]};
        int[] mid1 = {hi[0] + rx, hi[1], hi[2]};
        conv(input, t[0], 2, dogIn[2].gauss, full0, full1);
        conv(t[0], t[1], 1, dogIn[1].gauss, mid0, mid1);
        conv(t[1], t[2], 0, dogIn[0].gauss, lo, hi);
        conv(input, t[0], 2, dogOut[2].gauss, full0, full1);
        conv(t[0], t[1], 1, dogOut[1].gauss, mid0, mid1);
        conv(t[1], t[3], 0, dogOut[0].gauss, lo, hi);
        int px = padded[0];
        int py = padded[1];
        for (int z = lo[2]; z < hi[2]; z++) {
            for (int y = lo[1]; y < hi[1]; y++) {
                int row = (z * py + y) * px;
                for (int i = row + lo[0]; i < row + hi[0]; i++) {
                    soma[i] = t[2][i] - t[3][i];
                }
            }
        }
    }

    /**
     * out = in correlated with w along {@code axis} over the region [lo, hi) of the padded box. Taps are added in
     * the order −r … r at every voxel; the innermost loop runs along x over contiguous memory (vectorised).
     */
    private void conv(float[] in, float[] out, int axis, float[] w, int[] lo, int[] hi) {
        int px = padded[0];
        int py = padded[1];
        int r = w.length / 2;
        int stride = axis == 0 ? 1 : axis == 1 ? px : px * py;
        int x0 = lo[0];
        int x1 = hi[0];
        for (int z = lo[2]; z < hi[2]; z++) {
            for (int y = lo[1]; y < hi[1]; y++) {
                int row = (z * py + y) * px;
                float w0 = w[0];
                int off0 = row - r * stride;
                for (int x = x0; x < x1; x++) {
                    out[row + x] = w0 * in[off0 + x];
                }
                for (int k = 1; k < w.length; k++) {
                    float wk = w[k];
                    int off = row + (k - r) * stride;
                    for (int x = x0; x < x1; x++) {
                        out[row + x] += wk * in[off + x];
                    }
                }
            }
        }
    }
}
