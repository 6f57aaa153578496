package org.neuroatlas.core.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.detect.score.CellMatching;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.detect.score.MatchTable;
import org.neuroatlas.core.detect.score.Matching;
import org.neuroatlas.core.detect.score.Score;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neuroatlas score}: detected cells against true cells. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score detected cells against true cells (e.g. a simulated brain's cells.csv): one-to-one matching within a radius, "
                + "then precision, recall, F1, localisation error and counts.",
            "Both files are CSVs with x_um,y_um,z_um columns (other columns are ignored)."})
final class ScoreCommand implements Callable<Integer> {

    @Option(names = "--cells", required = true, paramLabel = "CSV", description = "Detected cells.")
    Path cells;

    @Option(names = "--truth", required = true, paramLabel = "CSV", description = "True cells.")
    Path truth;

    @Option(names = "--radius-um", defaultValue = "7.5", paramLabel = "R",
            description = "Largest distance of a match, µm (default: ${DEFAULT-VALUE}).")
    double radiusUm;

    @Option(names = "--z-radius-um", paramLabel = "RZ", description = "Largest distance along z, µm, if different (an ellipsoid tolerance; default: R).")
    Double zRadiusUm;

    @Option(names = "--rule", defaultValue = "optimal", paramLabel = "optimal|greedy",
            description = "optimal: most matches, then least total distance; greedy: closest pairs first (default: ${DEFAULT-VALUE}).")
    String rule;

    @Option(names = "--matches", paramLabel = "CSV", description = "Also write every match, false positive and false negative to this CSV.")
    Path matches;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkRadius("--radius-um", radiusUm);
        double rz = zRadiusUm == null ? radiusUm : zRadiusUm;
        checkRadius("--z-radius-um", rz);
        CellMatching.Rule r = switch (rule.toLowerCase(Locale.ROOT)) {
            case "optimal" -> CellMatching.Rule.OPTIMAL;
            case "greedy" -> CellMatching.Rule.GREEDY;
            default -> throw InputException.parameter("--rule", "'" + rule + "' is not a matching rule", "Use optimal or greedy");
        };
        CellPositions detected = CellPositions.read(cells);
        CellPositions trueCells = CellPositions.read(truth);
        Matching m = CellMatching.match(detected, trueCells, new CellMatching.Tolerance(radiusUm, rz), r);
        Score s = m.score();
        if (matches != null) {
            MatchTable.write(matches, m);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "detected:        %d cells (%s)%n", s.detected(), cells);
        out.printf(Locale.ROOT, "true:            %d cells (%s)%n", s.truth(), truth);
        out.printf(Locale.ROOT, "matching:        %s, radius %s µm%s%n", r.label(), number(radiusUm), rz == radiusUm ? "" : ", z radius " + number(rz) + " µm");
        if (m.greedyFallbackCells() > 0) {
            out.printf(Locale.ROOT, "note:            %d cells in very large clusters were matched greedily (tolerance large for the cell spacing)%n",
                    m.greedyFallbackCells());
        }
        out.printf(Locale.ROOT, "true positives:  %d%n", s.truePositives());
        out.printf(Locale.ROOT, "false positives: %d%n", s.falsePositives());
        out.printf(Locale.ROOT, "false negatives: %d%n", s.falseNegatives());
        out.printf(Locale.ROOT, "precision:       %.4f%n", s.precision());
        out.printf(Locale.ROOT, "recall:          %.4f%n", s.recall());
        out.printf(Locale.ROOT, "F1:              %.4f%n", s.f1());
        if (s.truePositives() > 0) {
            out.printf(Locale.ROOT, "localisation:    mean %.2f µm, median %.2f µm; mean offset detected - true (x,y,z) %.2f, %.2f, %.2f µm%n",
                    s.meanErrorUm(), s.medianErrorUm(), s.meanOffsetXUm(), s.meanOffsetYUm(), s.meanOffsetZUm());
        } else {
            out.printf(Locale.ROOT, "localisation:    n/a (no matched pairs)%n");
        }
        if (matches != null) {
            out.printf(Locale.ROOT, "wrote %s%n", matches);
        }
        out.flush();
        return 0;
    }

    private static void checkRadius(String option, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw InputException.parameter(option, "must be a positive number of µm, not " + number(v), "For example 7.5");
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
