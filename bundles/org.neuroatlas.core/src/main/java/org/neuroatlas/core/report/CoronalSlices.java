package org.neuroatlas.core.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.Hemisphere;
import org.neuroatlas.core.volume.Volume;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Coronal atlas slices at several anterior–posterior positions, each region coloured by the contrast's log2 fold
 * change (see {@link RegionColouring}), with a colour bar. Slices are drawn as the atlas stores them in atlas space:
 * LR index 0 — the right hemisphere — on the left of the picture (as seen from the front), dorsal up; the sides are
 * marked R and L.
 */
final class CoronalSlices {

    static final int COLUMNS = 3;
    /** How much region borders darken the colour: visible on light grey, without hiding small regions' colour. */
    static final double OUTLINE_DARKENING = 0.3;
    static final double SLICE_W = 230, GAP = 16, HEADER = 58, CAPTION = 20, COLOUR_BAR = 74;

    private CoronalSlices() {
    }

    /** At most this many planes are read to find where the significant regions are. */
    static final int MAX_SCANNED_PLANES = 66;

    /**
     * AP voxel indices of {@code n} slices, anterior first. Slices go first where most voxels belong to significant
     * regions (so that small significant nuclei such as the VTA are shown), at least an {@code n}-th of the brain's AP
     * extent apart; the remaining slices are spread evenly over 15–85 % of the atlas (its ends are mostly empty).
     * The search reads at most {@link #MAX_SCANNED_PLANES} evenly spaced planes.
     */
    static long[] positions(Atlas atlas, int n, RegionColouring colouring) {
        long size = atlas.dimensions()[0];
        int h = (int) atlas.dimensions()[1], w = (int) atlas.dimensions()[2];
        long stride = Math.max(1, (size + MAX_SCANNED_PLANES - 1) / MAX_SCANNED_PLANES);
        Map<Integer, Boolean> significant = new HashMap<>();
        List<long[]> scored = new ArrayList<>();
        for (long x = stride / 2; x < size; x += stride) {
            int[] labels = labels(atlas.annotation(), x, h, w);
            long count = 0;
            for (int label : labels) {
                if (label != 0 && significant.computeIfAbsent(label, colouring::isSignificant)) {
                    count++;
                }
            }
            if (count > 0) {
                scored.add(new long[] {x, count});
            }
        }
        // Most significant voxels first; ties to the more anterior plane, so the choice is reproducible.
        scored.sort((a, b) -> a[1] != b[1] ? Long.compare(b[1], a[1]) : Long.compare(a[0], b[0]));
        long minGap = Math.max(1, Math.round(0.7 * size / (n + 1)));
        List<Long> chosen = new ArrayList<>();
        for (long[] s : scored) {
            if (chosen.size() < n && chosen.stream().allMatch(c -> Math.abs(c - s[0]) >= minGap)) {
                chosen.add(s[0]);
            }
        }
        for (int i = 0; i < n && chosen.size() < n; i++) {
            double f = n == 1 ? 0.5 : 0.15 + 0.7 * i / (n - 1);
            long x = Math.min(size - 1, Math.round(f * (size - 1)));
            if (chosen.stream().allMatch(c -> Math.abs(c - x) >= minGap / 2)) {
                chosen.add(x);
            }
        }
        // Too few found room (a tiny atlas): fill with any planes not yet used.
        for (long x = 0; x < size && chosen.size() < n; x++) {
            if (!chosen.contains(x)) {
                chosen.add(x);
            }
        }
        return chosen.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static Figure draw(ComparisonTable table, String contrast, Atlas atlas, long[] apIndices) {
        RegionColouring colouring = new RegionColouring(table.rows(contrast), atlas.ontology());
        long[] dims = atlas.dimensions();
        int w = (int) dims[2], h = (int) dims[1];
        double scale = SLICE_W / w, sliceH = h * scale;
        int cols = Math.min(COLUMNS, Math.max(1, apIndices.length));
        int rows = (apIndices.length + cols - 1) / cols;
        double width = Math.max(600, 2 * GAP + cols * SLICE_W + (cols - 1) * GAP);
        double height = HEADER + rows * (sliceH + CAPTION + GAP) + COLOUR_BAR;
        Figure.Builder b = Figure.builder("coronal_" + Plots.slug(contrast), "Fold change on coronal atlas slices — " + contrast, width, height);
        b.text(GAP, 24, "Coronal slices: " + contrast, 15, Colours.TEXT, Mark.Anchor.START, true, 0, null);
        b.text(GAP, 42, "atlas " + atlas.identity().key() + "; colour: log2 fold change of significant regions, grey: not significant",
                10, 0x666666, Mark.Anchor.START, false, 0, null);
        double apVoxelUm = atlas.voxelSizeUm().xUm();
        for (int i = 0; i < apIndices.length; i++) {
            double ox = GAP + (i % cols) * (SLICE_W + GAP), oy = HEADER + (i / cols) * (sliceH + CAPTION + GAP);
            int[] argb = slice(atlas, apIndices[i], colouring, true);
            b.rect(ox - 0.5, oy - 0.5, SLICE_W + 1, sliceH + 1, 0xFFFFFF, 0xDDDDDD, 0.8, null);
            b.raster(ox, oy, SLICE_W, sliceH, w, h, argb);
            b.text(ox + 3, oy + 12, "R", 10, 0x777777, Mark.Anchor.START, true, 0, null);
            b.text(ox + SLICE_W - 3, oy + 12, "L", 10, 0x777777, Mark.Anchor.END, true, 0, null);
            b.text(ox + SLICE_W / 2, oy + sliceH + 14, String.format(Locale.ROOT, "AP %.2f mm from the atlas front", apIndices[i] * apVoxelUm / 1000),
                    10, Colours.TEXT, Mark.Anchor.MIDDLE, false, 0, "slice");
        }
        colourBar(b, GAP, height - COLOUR_BAR + 14, colouring);
        if (colouring.unmatched() > 0) {
            b.text(width - GAP, height - 6, colouring.unmatched() + " row(s) name regions this atlas does not have (not drawn)", 9, 0x777777,
                    Mark.Anchor.END, false, 0, null);
        }
        return b.build();
    }

    /**
     * ARGB pixels of the coronal slice at AP index {@code x}: DV rows (dorsal first), LR columns (index 0 first).
     * With {@code outlines}, a pixel whose right or lower neighbour has another label is darkened, which draws the
     * region borders as one-pixel lines (otherwise neighbouring regions of the same colour would merge).
     */
    static int[] slice(Atlas atlas, long x, RegionColouring colouring, boolean outlines) {
        long[] dims = atlas.dimensions();
        int h = (int) dims[1], w = (int) dims[2];
        int[] labels = labels(atlas.annotation(), x, h, w);
        int[] sides = hemispheres(atlas, x, h, w);
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++) {
            Hemisphere side = sides == null ? null : Hemisphere.ofBrainGlobeValue(sides[i]);
            if (side == null) {
                side = Hemisphere.ofMidline(i % w, w);
            }
            out[i] = colouring.argb(labels[i], side);
        }
        if (outlines) {
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    int i = r * w + c;
                    boolean border = labels[i] != 0 && ((c + 1 < w && labels[i + 1] != labels[i]) || (r + 1 < h && labels[i + w] != labels[i]));
                    if (border) {
                        out[i] = 0xFF000000 | Colours.mix(out[i] & 0xFFFFFF, 0x000000, OUTLINE_DARKENING);
                    }
                }
            }
        }
        return out;
    }

    /** The labels of plane AP = x as a row-major DV × LR array. */
    private static int[] labels(Volume<?> v, long x, int h, int w) {
        int[] out = new int[h * w];
        read(v, x, h, w, out);
        return out;
    }

    /** BrainGlobe hemisphere values of the plane, or null when the atlas has none on the annotation's grid. */
    private static int[] hemispheres(Atlas atlas, long x, int h, int w) {
        Volume<?> hv = atlas.storedHemispheres().map(v -> atlas.storedToAtlas().isIdentity() ? v : v.reorientedTo(Atlas.ORIENTATION)).orElse(null);
        if (hv == null || !Arrays.equals(hv.dimensions(), atlas.dimensions())) {
            return null;
        }
        int[] out = new int[h * w];
        read(hv, x, h, w, out);
        return out;
    }

    private static <T extends RealType<T> & NativeType<T>> void read(Volume<T> v, long x, int h, int w, int[] out) {
        RandomAccessibleInterval<T> plane = Views.hyperSlice(Views.zeroMin(v.voxels()), 0, x);
        // The plane's axes are (DV, LR); flat iteration runs DV fastest.
        Cursor<T> c = Views.flatIterable(plane).localizingCursor();
        while (c.hasNext()) {
            T t = c.next();
            int row = c.getIntPosition(0), col = c.getIntPosition(1);
            out[row * w + col] = (int) t.getRealDouble();
        }
    }

    /** Horizontal diverging colour bar from −limit to +limit, with the grey swatches for "not significant" and "no data". */
    private static void colourBar(Figure.Builder b, double x, double y, RegionColouring colouring) {
        int steps = 256;
        int[] argb = new int[steps];
        for (int i = 0; i < steps; i++) {
            argb[i] = 0xFF000000 | Colours.diverging(-1 + 2.0 * i / (steps - 1));
        }
        double barW = 260, barH = 12;
        b.raster(x, y, barW, barH, steps, 1, argb);
        b.rect(x, y, barW, barH, Mark.NONE, 0x888888, 0.6, "colourbar");
        double limit = colouring.limit();
        double[] ticks = {-limit, -limit / 2, 0, limit / 2, limit};
        for (double t : ticks) {
            double px = x + (t + limit) / (2 * limit) * barW;
            b.line(px, y + barH, px, y + barH + 3, Colours.AXIS, 1);
            b.text(px, y + barH + 14, SvgRenderer.num(t), 9, Colours.TEXT, Mark.Anchor.MIDDLE,
                    false, 0, null);
        }
        b.text(x + barW / 2, y + barH + 30, "log2 fold change (significant regions)", 10, Mark.Anchor.MIDDLE);
        double sx = x + barW + 30;
        b.rect(sx, y, 14, barH, Colours.NS, 0x888888, 0.6, null);
        b.text(sx + 20, y + 10, "not significant", 10, Mark.Anchor.START);
        b.rect(sx + 120, y, 14, barH, Colours.NO_DATA, 0x888888, 0.6, null);
        b.text(sx + 140, y + 10, "not in the table", 10, Mark.Anchor.START);
    }
}
