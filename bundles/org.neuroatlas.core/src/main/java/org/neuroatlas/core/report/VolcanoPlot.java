package org.neuroatlas.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Volcano plot of one contrast: x = log2 fold change (symmetric about 0), y = −log10 of the Welch p-value, one point
 * per region × hemisphere row, coloured by the table's direction (up warm, down cool, ns grey); the regions with the
 * smallest q-values are labelled by acronym. Rows without a fold change or p-value cannot be placed and are counted
 * in a note instead.
 */
final class VolcanoPlot {

    static final double WIDTH = 720, HEIGHT = 540;
    static final double LEFT = 70, RIGHT = 30, TOP = 56, BOTTOM = 62;
    static final double POINT_RADIUS = 4;
    static final double LABEL_FONT = 10;

    private VolcanoPlot() {
    }

    static Figure draw(ComparisonTable table, String contrast, int labels) {
        List<ComparisonRow> rows = table.rows(contrast);
        List<ComparisonRow> placed = new ArrayList<>();
        for (ComparisonRow r : rows) {
            if (!Double.isNaN(r.log2Fc()) && !Double.isNaN(r.minusLog10P())) {
                placed.add(r);
            }
        }
        double maxFc = 0, maxY = 0;
        for (ComparisonRow r : placed) {
            if (Double.isFinite(r.log2Fc())) {
                maxFc = Math.max(maxFc, Math.abs(r.log2Fc()));
            }
            maxY = Math.max(maxY, r.minusLog10P());
        }
        double xLimit = Scale.niceCeiling(Math.max(1, maxFc * 1.05), 3);
        double yLimit = Scale.niceCeiling(Math.max(2, maxY * 1.05), 5);
        Scale x = new Scale(-xLimit, xLimit, LEFT, WIDTH - RIGHT);
        Scale y = new Scale(0, yLimit, HEIGHT - BOTTOM, TOP);

        Figure.Builder b = Figure.builder("volcano_" + Plots.slug(contrast), "Volcano plot — " + contrast, WIDTH, HEIGHT);
        b.text(LEFT, 24, "Volcano plot: " + contrast, 15, Colours.TEXT, Mark.Anchor.START, true, 0, null);
        b.text(LEFT, 42, "each point one region × hemisphere; colour: direction (q-value threshold of the statistics step)", 10,
                0x666666, Mark.Anchor.START, false, 0, null);
        Axes.bottom(b, x, y, "log2 fold change (" + treatedVsControl(rows) + ")", true);
        Axes.left(b, x, y, "−log10 p (Welch)", true, 42);
        b.dashed(x.map(0), y.pixelMin(), x.map(0), y.pixelMax(), Colours.AXIS, 1, 4, "zero");
        double p05 = -Math.log10(0.05);
        if (p05 < yLimit) {
            b.dashed(x.pixelMin(), y.map(p05), x.pixelMax(), y.map(p05), 0x999999, 0.8, 3, "p0.05");
            b.text(x.pixelMax() - 2, y.map(p05) - 3, "p = 0.05", 9, 0x777777, Mark.Anchor.END, false, 0, null);
        }
        // Non-significant points first, so the coloured ones are drawn on top of them.
        List<ComparisonRow> order = new ArrayList<>(placed);
        order.sort(Comparator.comparingInt((ComparisonRow r) -> r.significant() ? 1 : 0).thenComparingInt(ComparisonRow::row));
        for (ComparisonRow r : order) {
            b.circle(px(x, r), y.map(Math.min(r.minusLog10P(), yLimit)), POINT_RADIUS, Colours.direction(r.direction()), 0xFFFFFF,
                    r.region() + "|" + r.hemisphere(), tooltip(r));
        }
        labelTop(b, x, y, placed, yLimit, labels);
        legend(b, rows);
        int unplaced = rows.size() - placed.size();
        if (unplaced > 0) {
            b.text(WIDTH - RIGHT, HEIGHT - 8, unplaced + " row(s) without fold change or p-value not shown", 9, 0x777777, Mark.Anchor.END,
                    false, 0, null);
        }
        return b.build();
    }

    /** x of a row; an infinite fold change (zero in one group) sits at the edge of the axis. */
    private static double px(Scale x, ComparisonRow r) {
        return x.map(Math.max(x.dataMin(), Math.min(x.dataMax(), r.log2Fc())));
    }

    private static String treatedVsControl(List<ComparisonRow> rows) {
        ComparisonRow r = rows.get(0);
        return r.treatedGroup() + " / " + r.controlGroup();
    }

    static String tooltip(ComparisonRow r) {
        return String.format(Locale.ROOT, "%s (%s): log2 FC %.3g, p %.3g, q %.3g, %s", r.region(), r.hemisphere(), r.log2Fc(), r.pWelch(),
                r.qWelch(), r.direction());
    }

    /**
     * Labels the {@code n} rows with the smallest q (then p) beside their points, to the right unless that leaves
     * the plot; a label that would overlap an earlier one is moved down a line, up to three times, else dropped.
     */
    private static void labelTop(Figure.Builder b, Scale x, Scale y, List<ComparisonRow> placed, double yLimit, int n) {
        List<ComparisonRow> sorted = new ArrayList<>(placed);
        sorted.sort(Comparator.comparingDouble((ComparisonRow r) -> Double.isNaN(r.qWelch()) ? Double.POSITIVE_INFINITY : r.qWelch())
                .thenComparingDouble(ComparisonRow::pWelch).thenComparingInt(ComparisonRow::row));
        List<double[]> boxes = new ArrayList<>();
        for (ComparisonRow r : sorted.subList(0, Math.min(n, sorted.size()))) {
            String text = r.label();
            double w = Axes.textWidth(text, LABEL_FONT), h = LABEL_FONT + 2;
            double cx = px(x, r), cy = y.map(Math.min(r.minusLog10P(), yLimit));
            boolean right = cx + POINT_RADIUS + 3 + w <= x.pixelMax();
            double lx = right ? cx + POINT_RADIUS + 3 : cx - POINT_RADIUS - 3 - w;
            for (int attempt = 0; attempt < 4; attempt++) {
                double ly = cy + LABEL_FONT * 0.35 + attempt * h;
                double[] box = {lx, ly - LABEL_FONT, lx + w, ly + 2};
                if (boxes.stream().noneMatch(o -> overlap(o, box))) {
                    boxes.add(box);
                    b.text(lx, ly, text, LABEL_FONT, Colours.TEXT, Mark.Anchor.START, false, 0, "label:" + r.region() + "|" + r.hemisphere());
                    break;
                }
            }
        }
    }

    private static boolean overlap(double[] a, double[] c) {
        return a[0] < c[2] && c[0] < a[2] && a[1] < c[3] && c[1] < a[3];
    }

    private static void legend(Figure.Builder b, List<ComparisonRow> rows) {
        int up = 0, down = 0, ns = 0;
        for (ComparisonRow r : rows) {
            switch (r.direction()) {
                case "up" -> up++;
                case "down" -> down++;
                default -> ns++;
            }
        }
        String[] names = {"up (" + up + ")", "down (" + down + ")", "ns (" + ns + ")"};
        int[] colours = {Colours.UP, Colours.DOWN, Colours.NS};
        double lx = WIDTH - RIGHT - 100, ly = TOP + 8;
        b.rect(lx - 8, ly - 6, 104, 3 * 16 + 6, 0xFFFFFF, 0xCCCCCC, 0.8, null);
        for (int i = 0; i < 3; i++) {
            b.circle(lx + 2, ly + 4 + 16 * i, POINT_RADIUS, colours[i], Mark.NONE, null, null);
            b.text(lx + 12, ly + 8 + 16 * i, names[i], 10, Mark.Anchor.START);
        }
    }
}
