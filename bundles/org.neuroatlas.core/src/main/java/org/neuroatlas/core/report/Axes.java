package org.neuroatlas.core.report;

import java.util.List;

/** Axis lines, ticks, tick labels, grid lines and titles around a plot area. */
final class Axes {

    static final double TICK = 4;
    static final double TICK_FONT = 10;
    static final double TITLE_FONT = 12;

    private Axes() {
    }

    /** Rough width of {@code text} at {@code size} (figure units), for layout that must not depend on installed fonts. */
    static double textWidth(String text, double size) {
        return 0.58 * size * text.length();
    }

    /** Bottom axis at y = {@code y.pixelMin()} with ticks, labels and title; vertical grid lines up to the top. */
    static void bottom(Figure.Builder b, Scale x, Scale y, String title, boolean grid) {
        double base = y.pixelMin(), top = y.pixelMax();
        List<Double> ticks = x.ticks(6);
        double step = ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : 1;
        for (double t : ticks) {
            double px = x.map(t);
            if (grid) {
                b.line(px, base, px, top, Colours.GRID, 0.8);
            }
            b.line(px, base, px, base + TICK, Colours.AXIS, 1);
            b.text(px, base + TICK + TICK_FONT + 2, Scale.label(t, step), TICK_FONT, Colours.TEXT, Mark.Anchor.MIDDLE, false, 0, "xtick");
        }
        b.line(x.pixelMin(), base, x.pixelMax(), base, Colours.AXIS, 1);
        b.text((x.pixelMin() + x.pixelMax()) / 2, base + TICK + TICK_FONT + 22, title, TITLE_FONT, Mark.Anchor.MIDDLE);
    }

    /** Left axis at x = {@code x.pixelMin()} with ticks, labels and a rotated title; horizontal grid lines. */
    static void left(Figure.Builder b, Scale x, Scale y, String title, boolean grid, double titleOffset) {
        double left = x.pixelMin();
        List<Double> ticks = y.ticks(5);
        double step = ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : 1;
        for (double t : ticks) {
            double py = y.map(t);
            if (grid) {
                b.line(left, py, x.pixelMax(), py, Colours.GRID, 0.8);
            }
            b.line(left - TICK, py, left, py, Colours.AXIS, 1);
            b.text(left - TICK - 3, py + TICK_FONT * 0.35, Scale.label(t, step), TICK_FONT, Colours.TEXT, Mark.Anchor.END, false, 0, "ytick");
        }
        b.line(left, y.pixelMin(), left, y.pixelMax(), Colours.AXIS, 1);
        double cy = (y.pixelMin() + y.pixelMax()) / 2;
        b.text(left - titleOffset, cy, title, TITLE_FONT, Colours.TEXT, Mark.Anchor.MIDDLE, false, -90, null);
    }
}
