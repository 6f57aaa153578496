package org.neuroatlas.core.report;

/** The colours of the plots, chosen to be distinguishable for colour-blind readers (ColorBrewer RdBu and Okabe–Ito). */
final class Colours {

    /** Significantly up: the warm end of the diverging scale. */
    static final int UP = 0xB2182B;
    /** Significantly down: the cool end. */
    static final int DOWN = 0x2166AC;
    /** Not significant (points, and regions in slices). */
    static final int NS = 0xA6A6A6;
    /** Brain tissue without a value in the table (slices). */
    static final int NO_DATA = 0xEDEDED;
    static final int AXIS = 0x444444;
    static final int GRID = 0xE3E3E3;
    static final int TEXT = 0x222222;

    /** RdBu (ColorBrewer, 11 classes) from the cool end (-1) through white (0) to the warm end (+1). */
    private static final int[] DIVERGING = {0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D,
        0xB2182B, 0x67001F};

    /** Okabe–Ito colours for groups, in order. */
    private static final int[] GROUPS = {0x999999, 0xE69F00, 0xD55E00, 0x56B4E9, 0x009E73, 0xCC79A7, 0x0072B2, 0xF0E442};

    private Colours() {
    }

    /** Colour of the direction column's value: up, down, anything else not significant. */
    static int direction(String direction) {
        return switch (direction) {
            case "up" -> UP;
            case "down" -> DOWN;
            default -> NS;
        };
    }

    /** The diverging colour of {@code t} in [-1, 1] (clamped), linearly interpolated between the scale's stops. */
    static int diverging(double t) {
        double c = Math.max(-1, Math.min(1, Double.isNaN(t) ? 0 : t));
        double pos = (c + 1) / 2 * (DIVERGING.length - 1);
        int i = (int) Math.min(DIVERGING.length - 2, Math.floor(pos));
        return mix(DIVERGING[i], DIVERGING[i + 1], pos - i);
    }

    /** Colour of the {@code i}-th group (cycling). */
    static int group(int i) {
        return GROUPS[Math.floorMod(i, GROUPS.length)];
    }

    static int mix(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return r << 16 | g << 8 | bl;
    }
}
