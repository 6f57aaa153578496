package org.neuroatlas.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neuroatlas.core.io.AtomicFile;

/**
 * A finished plot: a fixed-size list of drawing marks that renders to SVG text ({@link #svg()}, byte-deterministic:
 * no timestamps, numbers with two decimals in {@link java.util.Locale#ROOT}) and to PNG ({@link #png()}, through
 * Java2D with the logical font "SansSerif", so text may differ slightly between machines). Sizes are in figure units:
 * SVG user units, and PNG pixels at scale 1. Immutable and safe to share.
 */
public final class Figure {

    /** PNG pixels per figure unit of {@link #png()}: 2 gives sharp text on high-density screens and in print. */
    public static final double DEFAULT_PNG_SCALE = 2;

    private final String name;
    private final String caption;
    private final double width;
    private final double height;
    private final List<Mark> marks;

    private Figure(String name, String caption, double width, double height, List<Mark> marks) {
        this.name = name;
        this.caption = caption;
        this.width = width;
        this.height = height;
        this.marks = List.copyOf(marks);
    }

    /** A builder for a {@code width} × {@code height} figure (figure units) on a white background. */
    static Builder builder(String name, String caption, double width, double height) {
        return new Builder(name, caption, width, height);
    }

    /** Short name for file names, e.g. {@code volcano_ketamine-30_vs_saline} (no extension). */
    public String name() {
        return name;
    }

    /** A heading for people, e.g. {@code Volcano plot — ketamine-30 vs saline}. */
    public String caption() {
        return caption;
    }

    /** Width in figure units (= SVG user units = PNG pixels at scale 1). */
    public double width() {
        return width;
    }

    /** Height in figure units. */
    public double height() {
        return height;
    }

    List<Mark> marks() {
        return marks;
    }

    /** A standalone SVG document (UTF-8 text with XML declaration); identical input gives identical text. */
    public String svg() {
        return SvgRenderer.document(this);
    }

    /**
     * The {@code <svg>} element alone, without XML declaration or namespace declarations, for pasting into HTML5
     * (where the namespace is implied), so the page names no external address.
     */
    public String inlineSvg() {
        return SvgRenderer.element(this, false);
    }

    /** PNG bytes at {@link #DEFAULT_PNG_SCALE} pixels per figure unit. */
    public byte[] png() {
        return png(DEFAULT_PNG_SCALE);
    }

    /** PNG bytes at {@code scale} pixels per figure unit (> 0). */
    public byte[] png(double scale) {
        return Java2dRenderer.png(this, scale);
    }

    /** Writes {@link #png()} to {@code file} atomically (complete or not at all). */
    public void writePng(Path file) throws IOException {
        byte[] bytes = png();
        AtomicFile.write(file, tmp -> Files.write(tmp, bytes));
    }

    /** Writes {@link #svg()} to {@code file} atomically, UTF-8. */
    public void writeSvg(Path file) throws IOException {
        String text = svg();
        AtomicFile.write(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return name + " (" + width + " × " + height + ", " + marks.size() + " marks)";
    }

    /** Collects marks in drawing order (later marks on top). */
    static final class Builder {
        private final String name;
        private final String caption;
        private final double width;
        private final double height;
        private final List<Mark> marks = new ArrayList<>();

        private Builder(String name, String caption, double width, double height) {
            this.name = name;
            this.caption = caption;
            // Whole units, so that a PNG at a whole scale has no half-painted last row or column.
            this.width = Math.ceil(width);
            this.height = Math.ceil(height);
            marks.add(new Mark.Rect(0, 0, this.width, this.height, 0xFFFFFF, Mark.NONE, 0, null));
        }

        Builder rect(double x, double y, double w, double h, int fill, int stroke, double strokeWidth, String key) {
            marks.add(new Mark.Rect(x, y, w, h, fill, stroke, strokeWidth, key));
            return this;
        }

        Builder line(double x1, double y1, double x2, double y2, int stroke, double strokeWidth) {
            marks.add(new Mark.Line(x1, y1, x2, y2, stroke, strokeWidth, 0, null));
            return this;
        }

        Builder dashed(double x1, double y1, double x2, double y2, int stroke, double strokeWidth, double dash, String key) {
            marks.add(new Mark.Line(x1, y1, x2, y2, stroke, strokeWidth, dash, key));
            return this;
        }

        Builder circle(double cx, double cy, double r, int fill, int stroke, String key, String title) {
            marks.add(new Mark.Circle(cx, cy, r, fill, stroke, stroke == Mark.NONE ? 0 : 0.6, key, title));
            return this;
        }

        Builder text(double x, double y, String text, double size, Mark.Anchor anchor) {
            return text(x, y, text, size, 0x222222, anchor, false, 0, null);
        }

        Builder text(double x, double y, String text, double size, int colour, Mark.Anchor anchor, boolean bold, double rotate, String key) {
            marks.add(new Mark.Text(x, y, text, size, colour, anchor, bold, rotate, key));
            return this;
        }

        Builder raster(double x, double y, double w, double h, int width, int height, int[] argb) {
            marks.add(new Mark.Raster(x, y, w, h, width, height, argb.clone()));
            return this;
        }

        Figure build() {
            return new Figure(name, caption, width, height, marks);
        }
    }
}
