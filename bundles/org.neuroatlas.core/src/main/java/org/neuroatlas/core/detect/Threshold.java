package org.neuroatlas.core.detect;

import java.util.Locale;

import org.neuroatlas.core.InputException;

/**
 * The detection threshold on the enhanced (band-passed) image: either automatic, median + k × 1.4826 × MAD of the
 * enhanced image over a fixed subsample of the whole volume (k robust standard deviations above the typical
 * value), or an absolute value in enhanced-image units (band-passed √intensity).
 *
 * @param auto  true for the automatic threshold
 * @param value k if automatic, else the absolute threshold
 */
public record Threshold(boolean auto, double value) {

    /** Default k of the automatic threshold: robust standard deviations of the enhanced image above its median. */
    public static final double DEFAULT_K = 12;

    public Threshold {
        if (!Double.isFinite(value) || (auto && value <= 0)) {
            throw InputException.parameter("--threshold", (auto ? "the factor k of auto:k must be positive and finite, not " : "must be finite, not ") + value,
                    "Give auto, auto:K (e.g. auto:" + fmt(DEFAULT_K) + ") or an absolute value in enhanced-image units");
        }
    }

    public static Threshold auto(double k) {
        return new Threshold(true, k);
    }

    public static Threshold absolute(double value) {
        return new Threshold(false, value);
    }

    /**
     * Parses {@code auto}, {@code auto:K} or a number (absolute, enhanced-image units).
     *
     * @throws InputException naming {@code --threshold} if the text is none of these
     */
    public static Threshold parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.equals("auto")) {
                return auto(DEFAULT_K);
            }
            if (t.startsWith("auto:")) {
                return auto(Double.parseDouble(t.substring(5)));
            }
            if (!t.isEmpty()) {
                return absolute(Double.parseDouble(t));
            }
        } catch (NumberFormatException e) {
            // fall through to the user-facing message
        }
        throw InputException.parameter("--threshold", "'" + text + "' is not a threshold",
                "Give auto, auto:K (e.g. auto:" + fmt(DEFAULT_K) + ") or an absolute value in enhanced-image units");
    }

    @Override
    public String toString() {
        return auto ? "auto:" + fmt(value) : fmt(value);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
