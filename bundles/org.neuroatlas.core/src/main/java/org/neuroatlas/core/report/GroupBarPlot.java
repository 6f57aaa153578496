package org.neuroatlas.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neuroatlas.core.stats.RegionValues;
import org.neuroatlas.core.study.SampleSheet;

/**
 * Small multiples, one panel per top region of a contrast (smallest q first): a bar per group at the group's mean,
 * ± the standard error of the mean (SD / √n, sample SD; no bar for n &lt; 2), and every sample as a dot. All groups of
 * the sample sheet are shown in dose order, so a dose series reads left to right; the contrast's two groups are
 * named in the panel's subtitle.
 */
final class GroupBarPlot {

    static final int COLUMNS = 4;
    static final double PANEL_W = 210, PANEL_H = 200, HEADER = 58;
    static final double P_LEFT = 48, P_RIGHT = 8, P_TOP = 34, P_BOTTOM = 48;
    static final double DOT_RADIUS = 2.6;

    private GroupBarPlot() {
    }

    static Figure draw(ComparisonTable table, String contrast, RegionValues values, SampleSheet samples, int topN) {
        List<ComparisonRow> top = table.top(contrast, topN);
        int cols = Math.max(1, Math.min(COLUMNS, top.size()));
        int rowsOfPanels = Math.max(1, (top.size() + cols - 1) / cols);
        double width = Math.max(420, cols * PANEL_W + 20), height = HEADER + rowsOfPanels * PANEL_H + 10;
        Figure.Builder b = Figure.builder("bars_" + Plots.slug(contrast), "Group means of the top regions — " + contrast, width, height);
        b.text(10, 24, "Group means ± SEM with samples: " + contrast, 15, Colours.TEXT, Mark.Anchor.START, true, 0, null);
        b.text(10, 42, "top " + top.size() + " regions by q-value; y: " + values.valueColumn() + "; dots: samples", 10, 0x666666,
                Mark.Anchor.START, false, 0, null);
        if (top.isEmpty()) {
            b.text(10, HEADER + 20, "no rows for this contrast", 11, Mark.Anchor.START);
        }
        for (int i = 0; i < top.size(); i++) {
            double ox = 10 + (i % cols) * PANEL_W, oy = HEADER + (i / cols) * PANEL_H;
            panel(b, ox, oy, top.get(i), values, samples);
        }
        return b.build();
    }

    private static void panel(Figure.Builder b, double ox, double oy, ComparisonRow row, RegionValues values, SampleSheet samples) {
        String key = row.region() + "|" + row.hemisphere();
        b.text(ox + P_LEFT, oy + 14, row.label(), 12, Colours.TEXT, Mark.Anchor.START, true, 0, "panel:" + key);
        b.text(ox + P_LEFT, oy + 26, String.format(Locale.ROOT, "%s vs %s: q = %.2g", row.treatedGroup(), row.controlGroup(), row.qWelch()), 9,
                Colours.direction(row.direction()) == Colours.NS ? 0x666666 : Colours.direction(row.direction()), Mark.Anchor.START, false, 0, null);
        Map<String, List<Double>> byGroup = new LinkedHashMap<>();
        for (String g : samples.groupsByDose()) {
            byGroup.put(g, new ArrayList<>());
        }
        Map<String, Double> sampleValues = values.sampleValues(row.region(), row.hemisphere());
        for (Map.Entry<String, Double> e : sampleValues.entrySet()) {
            String g = samples.groupOf(e.getKey());
            if (g != null && !Double.isNaN(e.getValue())) {
                byGroup.get(g).add(e.getValue());
            }
        }
        double max = 0;
        for (List<Double> vs : byGroup.values()) {
            for (double v : vs) {
                max = Math.max(max, v);
            }
            double[] ms = meanSem(vs);
            if (!Double.isNaN(ms[0])) {
                max = Math.max(max, ms[0] + (Double.isNaN(ms[1]) ? 0 : ms[1]));
            }
        }
        double x0 = ox + P_LEFT, x1 = ox + PANEL_W - P_RIGHT, y0 = oy + PANEL_H - P_BOTTOM, y1 = oy + P_TOP;
        Scale y = new Scale(0, Scale.niceCeiling(max * 1.05, 4), y0, y1);
        Scale x = new Scale(0, 1, x0, x1);
        Axes.left(b, x, y, "", true, 0);
        b.line(x0, y0, x1, y0, Colours.AXIS, 1);
        if (sampleValues.isEmpty()) {
            b.text((x0 + x1) / 2, (y0 + y1) / 2, "no values", 10, 0x777777, Mark.Anchor.MIDDLE, false, 0, null);
            return;
        }
        int n = byGroup.size();
        double slot = (x1 - x0) / Math.max(1, n), barW = slot * 0.62;
        int gi = 0;
        for (Map.Entry<String, List<Double>> e : byGroup.entrySet()) {
            double cx = x0 + slot * (gi + 0.5);
            List<Double> vs = e.getValue();
            double[] ms = meanSem(vs);
            int colour = Colours.group(gi);
            if (!Double.isNaN(ms[0])) {
                b.rect(cx - barW / 2, y.map(ms[0]), barW, y0 - y.map(ms[0]), Colours.mix(colour, 0xFFFFFF, 0.45), colour, 1,
                        "bar:" + key + "|" + e.getKey());
                if (!Double.isNaN(ms[1])) {
                    double top = y.map(ms[0] + ms[1]), bottom = y.map(Math.max(0, ms[0] - ms[1]));
                    b.line(cx, top, cx, bottom, Colours.AXIS, 1.2);
                    b.line(cx - barW / 6, top, cx + barW / 6, top, Colours.AXIS, 1.2);
                    b.line(cx - barW / 6, bottom, cx + barW / 6, bottom, Colours.AXIS, 1.2);
                }
            }
            // Dots spread evenly across the bar (not randomly jittered), so the picture is reproducible.
            double spread = Math.min(barW * 0.8, vs.size() * DOT_RADIUS * 2.2);
            for (int k = 0; k < vs.size(); k++) {
                double dx = vs.size() == 1 ? 0 : (k / (double) (vs.size() - 1) - 0.5) * spread;
                b.circle(cx + dx, y.map(vs.get(k)), DOT_RADIUS, colour, 0x333333, "dot:" + key + "|" + e.getKey(), null);
            }
            b.text(cx, y0 + 12, e.getKey(), 9, Colours.TEXT, Mark.Anchor.END, false, -35, null);
            gi++;
        }
    }

    /** {mean, SEM}; NaN mean for no values, NaN SEM for fewer than two. */
    static double[] meanSem(List<Double> vs) {
        int n = vs.size();
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = 0;
        for (double v : vs) {
            mean += v;
        }
        mean /= n;
        if (n < 2) {
            return new double[] {mean, Double.NaN};
        }
        double ss = 0;
        for (double v : vs) {
            ss += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(ss / (n - 1)) / Math.sqrt(n)};
    }
}
