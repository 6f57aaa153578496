package org.neuroatlas.core.detect.score;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.io.TableSchema;

/**
 * Every detected and every true cell with its fate, for inspecting errors: one row per matched pair, per false
 * positive and per false negative. Rows: detected cells in input order (matched or false positive), then the
 * unmatched true cells in input order. The position columns let the table be plotted directly, coloured by status.
 */
public final class MatchTable {

    public static final String MATCHED = "matched";
    public static final String FALSE_POSITIVE = "false_positive";
    public static final String FALSE_NEGATIVE = "false_negative";

    public static final TableSchema SCHEMA = TableSchema.of(
            Column.integer("detected_index", "Detected cell: 0-based data row of the detections table (missing for a false negative)"),
            Column.integer("true_index", "True cell: 0-based data row of the truth table (missing for a false positive)"),
            Column.real("distance_um", "Distance between the matched cells, µm (missing unless matched)"),
            Column.string("status", "matched, false_positive or false_negative"),
            Column.real("x_um", "x of the detected cell (the true cell for a false negative), µm"),
            Column.real("y_um", "y of that cell, µm"),
            Column.real("z_um", "z of that cell, µm"));

    private MatchTable() {
    }

    /** The rows of {@link #SCHEMA} for a matching. */
    public static List<Object[]> rows(Matching m) {
        CellPositions det = m.detected();
        CellPositions tru = m.truth();
        List<Object[]> rows = new ArrayList<>(det.size() + tru.size());
        for (int d = 0; d < det.size(); d++) {
            int t = m.truthOf(d);
            rows.add(new Object[] {d, t < 0 ? null : t, t < 0 ? null : m.distanceUm(d), t < 0 ? FALSE_POSITIVE : MATCHED, det.xUm(d), det.yUm(d),
                det.zUm(d)});
        }
        for (int t = 0; t < tru.size(); t++) {
            if (m.detectedOf(t) < 0) {
                rows.add(new Object[] {null, t, null, FALSE_NEGATIVE, tru.xUm(t), tru.yUm(t), tru.zUm(t)});
            }
        }
        return rows;
    }

    /** Writes the table as CSV (atomically: the file appears complete or not at all). */
    public static void write(Path csv, Matching m) throws IOException {
        CsvTableWriter.write(csv, SCHEMA, rows(m));
    }
}
