package org.neuroatlas.core.report;

/**
 * One drawing instruction of a {@link Figure}, in figure units (1 unit = 1 SVG user unit = 1 PNG pixel at scale 1;
 * origin top left, y down). Colours are 0xRRGGBB; {@link #NONE} means "not drawn". The same list of marks is
 * rendered to SVG text and to Java2D, which is what keeps the two outputs of a plot identical in content.
 */
sealed interface Mark {

    /** No fill or no stroke. */
    int NONE = -1;

    /** Horizontal text alignment relative to the anchor point. */
    enum Anchor {
        START("start"), MIDDLE("middle"), END("end");

        final String svg;

        Anchor(String svg) {
            this.svg = svg;
        }
    }

    /** Axis-aligned rectangle. */
    record Rect(double x, double y, double w, double h, int fill, int stroke, double strokeWidth, String key) implements Mark {
    }

    /** Straight line; {@code dash} > 0 draws it dashed with that dash length. */
    record Line(double x1, double y1, double x2, double y2, int stroke, double strokeWidth, double dash, String key) implements Mark {
    }

    /** Filled circle with an optional outline; {@code key} (may be null) names the data item, e.g. a region. */
    record Circle(double cx, double cy, double r, int fill, int stroke, double strokeWidth, String key, String title) implements Mark {
    }

    /** One line of text; {@code y} is the baseline; {@code rotate} in degrees, about the anchor point. */
    record Text(double x, double y, String text, double size, int colour, Anchor anchor, boolean bold, double rotate, String key) implements Mark {
    }

    /**
     * A raster drawn into the rectangle (x, y, w, h) without smoothing (each pixel a sharp block, as atlas labels
     * should look); pixels are 0xAARRGGBB, row by row.
     */
    record Raster(double x, double y, double w, double h, int width, int height, int[] argb) implements Mark {
    }
}
