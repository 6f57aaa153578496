package org.neuroatlas.core.register;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.neuroatlas.core.io.AtomicFile;

/**
 * Quality-control pictures of a registration: the middle coronal, sagittal and horizontal slice of the atlas
 * template with the sample resampled onto it ({@link WarpedToAtlas}) overlaid, as PNGs. The template is drawn in
 * magenta (red + blue) and the warped sample in green, each scaled to its slice's 99th percentile: where the two
 * agree the picture is grey to white, where they disagree magenta or green edges show the misfit.
 */
final class QcImages {

    /** The three views: which atlas axis is held fixed, which runs across (columns) and which down (rows). */
    enum View {
        /** Fixed AP: LR across, DV down. */
        CORONAL("qc_coronal.png", 0, 2, 1),
        /** Fixed LR: AP across, DV down. */
        SAGITTAL("qc_sagittal.png", 2, 0, 1),
        /** Fixed DV: LR across, AP down. */
        HORIZONTAL("qc_horizontal.png", 1, 2, 0);

        final String fileName;
        final int fixed;
        final int across;
        final int down;

        View(String fileName, int fixed, int across, int down) {
            this.fileName = fileName;
            this.fixed = fixed;
            this.across = across;
            this.down = down;
        }
    }

    /** Pictures are enlarged by a whole factor until their longer side reaches this, px: a 100 µm atlas slice is only ~130 px. */
    static final int MIN_LONG_SIDE_PX = 256;
    private static final double PERCENTILE = 0.99;

    private QcImages() {
    }

    /** Whole-number enlargement of a {@code w}×{@code h} slice (≥ 1). */
    static int scale(int w, int h) {
        int longSide = Math.max(w, h);
        return Math.max(1, (MIN_LONG_SIDE_PX + longSide - 1) / longSide);
    }

    /** Writes one PNG per {@link View} into {@code folder}, each atomically. */
    static void write(Path folder, FloatGrid template, WarpedToAtlas warped) throws IOException {
        for (View v : View.values()) {
            BufferedImage img = render(v, template, warped);
            AtomicFile.write(folder.resolve(v.fileName), tmp -> {
                if (!ImageIO.write(img, "png", tmp.toFile())) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            });
        }
    }

    static BufferedImage render(View v, FloatGrid template, WarpedToAtlas warped) {
        int[] n = {template.nx, template.ny, template.nz};
        int w = n[v.across], h = n[v.down], k = scale(w, h);
        float[] t = new float[w * h], s = new float[w * h];
        int[] pos = new int[3];
        pos[v.fixed] = n[v.fixed] / 2;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                pos[v.across] = c;
                pos[v.down] = r;
                t[r * w + c] = template.data[template.index(pos[0], pos[1], pos[2])];
                s[r * w + c] = warped.value(pos[0], pos[1], pos[2]);
            }
        }
        float tMax = percentile(t), sMax = percentile(s);
        BufferedImage img = new BufferedImage(w * k, h * k, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h * k; y++) {
            for (int x = 0; x < w * k; x++) {
                int i = (y / k) * w + x / k;
                int grey = level(t[i], tMax), green = level(s[i], sMax);
                img.setRGB(x, y, grey << 16 | green << 8 | grey);
            }
        }
        return img;
    }

    private static int level(float value, float max) {
        return (int) Math.round(255 * Math.min(1, Math.max(0, value / max)));
    }

    /** The slice's 99th percentile, or its maximum if that is not positive (mostly empty slices); 1 if all ≤ 0. */
    private static float percentile(float[] values) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        float p = sorted[(int) Math.min(sorted.length - 1, Math.floor(PERCENTILE * sorted.length))];
        if (!(p > 0)) {
            p = sorted[sorted.length - 1];
        }
        return p > 0 ? p : 1;
    }
}
