package org.neuroatlas.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A linear map from data values to figure units, with "nice" tick values (1, 2, 5 × 10^k steps). */
record Scale(double dataMin, double dataMax, double pixelMin, double pixelMax) {

    /** Figure coordinate of data value {@code v}. */
    double map(double v) {
        if (dataMax == dataMin) {
            return (pixelMin + pixelMax) / 2;
        }
        return pixelMin + (v - dataMin) / (dataMax - dataMin) * (pixelMax - pixelMin);
    }

    /** Tick values inside [dataMin, dataMax], about {@code target} of them. */
    List<Double> ticks(int target) {
        double step = niceStep((dataMax - dataMin) / Math.max(1, target));
        List<Double> out = new ArrayList<>();
        if (!(step > 0) || !Double.isFinite(step)) {
            out.add(dataMin);
            return out;
        }
        long first = (long) Math.ceil(dataMin / step - 1e-9);
        for (long k = first; k * step <= dataMax + step * 1e-9; k++) {
            out.add(k * step);
        }
        return out;
    }

    /** The tick label of {@code v} for ticks {@code step} apart: as many decimals as the step needs. */
    static String label(double v, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * mag;
    }

    /** A value a little above {@code max} that ends on a nice step (for axis tops). */
    static double niceCeiling(double max, int target) {
        if (!(max > 0)) {
            return 1;
        }
        double step = niceStep(max / target);
        return Math.ceil(max / step - 1e-9) * step;
    }
}
