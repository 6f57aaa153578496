package org.neuroatlas.core.register.elastix;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neuroatlas.core.Progress;

/**
 * Progress of an elastix run read from its output: "Running elastix with parameter file K", "Resolution: R" and
 * the iteration table's rows (a line starting with the iteration number and a tab). Each parameter file gets its
 * share of the bar (the B-spline stage costs more per iteration than the affine one).
 */
final class ElastixProgress implements Consumer<String> {

    private static final Pattern STAGE = Pattern.compile("^Running elastix with parameter file (\\d+):");
    private static final Pattern RESOLUTION = Pattern.compile("^Resolution: (\\d+)");
    private static final Pattern ITERATION = Pattern.compile("^(\\d+)\\t");

    private final Progress progress;
    /** Cumulative end of each stage's share, 0..1. */
    private final double[] stageEnds;
    private final int resolutions;
    private final int[] iterations;
    private int stage;
    private int resolution;

    /**
     * @param shares      relative cost of each parameter file
     * @param resolutions pyramid levels per parameter file
     * @param iterations  iterations per level of each parameter file
     */
    ElastixProgress(Progress progress, double[] shares, int resolutions, int[] iterations) {
        this.progress = progress;
        this.resolutions = resolutions;
        this.iterations = iterations.clone();
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        stageEnds = new double[shares.length];
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            stageEnds[i] = sum / total;
        }
    }

    @Override
    public void accept(String line) {
        Matcher m;
        if ((m = STAGE.matcher(line)).find()) {
            stage = Math.min(Integer.parseInt(m.group(1)), stageEnds.length - 1);
            resolution = 0;
            progress.report(start(stage), stage == 0 ? "elastix: affine" : "elastix: B-spline");
        } else if ((m = RESOLUTION.matcher(line)).find()) {
            resolution = Integer.parseInt(m.group(1));
        } else if ((m = ITERATION.matcher(line)).find()) {
            double within = (resolution + Math.min(1, (Integer.parseInt(m.group(1)) + 1) / (double) Math.max(1, iterations[stage])))
                    / resolutions;
            progress.report(start(stage) + Math.min(1, within) * (stageEnds[stage] - start(stage)), null);
        }
    }

    private double start(int s) {
        return s == 0 ? 0 : stageEnds[s - 1];
    }
}
