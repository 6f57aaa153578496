package org.neuroatlas.core.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.io.TextTable;

/**
 * The dose-comparison table of the statistics step (one row per region × hemisphere × contrast), as the plots and
 * the report read it. All columns are kept as text for the report's table; the ones the plots need are parsed into
 * {@link ComparisonRow}s.
 */
public final class ComparisonTable {

    /** Columns the plots need; any others are shown in the report's table only. */
    public static final List<String> REQUIRED = List.of("region", "hemisphere", "contrast", "control_group", "treated_group", "log2_fc",
            "p_welch", "q_welch", "direction");

    private final String source;
    private final List<String> header;
    private final List<List<String>> cells;
    private final List<ComparisonRow> rows;

    private ComparisonTable(String source, List<String> header, List<List<String>> cells, List<ComparisonRow> rows) {
        this.source = source;
        this.header = List.copyOf(header);
        this.cells = cells;
        this.rows = List.copyOf(rows);
    }

    /** Reads the comparison CSV. @throws InputException naming the file, line and column of a problem */
    public static ComparisonTable read(Path csv) {
        return from(CsvTable.read(csv), csv.getFileName().toString());
    }

    /**
     * Checks and parses a table given as text (a CSV file, or a KNIME table converted cell by cell).
     *
     * @param source how the report names the table (e.g. the file name)
     * @throws InputException on missing columns, non-numeric values or an unknown direction
     */
    public static ComparisonTable from(TextTable table, String source) {
        table.requireColumns(REQUIRED.toArray(String[]::new));
        List<List<String>> cells = new ArrayList<>(table.size());
        List<ComparisonRow> rows = new ArrayList<>(table.size());
        for (int r = 0; r < table.size(); r++) {
            List<String> line = new ArrayList<>(table.header().size());
            for (String c : table.header()) {
                line.add(table.get(r, c));
            }
            cells.add(Collections.unmodifiableList(line));
            String region = table.get(r, "region");
            if (region.isEmpty()) {
                throw table.error(r, "region", "is empty", "Give the region's acronym");
            }
            String hemisphere = table.get(r, "hemisphere").toLowerCase(Locale.ROOT);
            if (hemisphere.isEmpty()) {
                // The statistics leave hemisphere missing when the values had no hemisphere column: both sides.
                hemisphere = "both";
            }
            if (!hemisphere.equals("left") && !hemisphere.equals("right") && !hemisphere.equals("both")) {
                throw table.error(r, "hemisphere", "'" + table.get(r, "hemisphere") + "' is not left, right or both", "Use left, right or both");
            }
            String direction = table.get(r, "direction").toLowerCase(Locale.ROOT);
            if (direction.isEmpty()) {
                direction = "ns";
            }
            if (!direction.equals("up") && !direction.equals("down") && !direction.equals("ns")) {
                throw table.error(r, "direction", "'" + table.get(r, "direction") + "' is not up, down or ns", "Use up, down or ns");
            }
            int id = -1;
            if (table.hasColumn("region_id") && !table.get(r, "region_id").isEmpty()) {
                try {
                    id = Integer.parseInt(table.get(r, "region_id"));
                } catch (NumberFormatException e) {
                    throw table.error(r, "region_id", "'" + table.get(r, "region_id") + "' is not a whole number", "Give the atlas structure id or leave it empty");
                }
            }
            rows.add(new ComparisonRow(r, region, id, hemisphere, table.get(r, "contrast"), table.get(r, "control_group"),
                    table.get(r, "treated_group"), number(table, r, "log2_fc"), number(table, r, "p_welch"), number(table, r, "q_welch"), direction));
        }
        return new ComparisonTable(source, table.header(), cells, rows);
    }

    /** A number; empty, NA and NaN read as NaN (regions without cells in a group have no fold change). */
    private static double number(TextTable table, int row, String column) {
        String s = table.get(row, column);
        if (s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        return table.getDouble(row, column, true);
    }

    /** How the report names the table. */
    public String source() {
        return source;
    }

    /** All column names, in table order. */
    public List<String> header() {
        return header;
    }

    /** All cells as text, row by row in header order. */
    public List<List<String>> cells() {
        return cells;
    }

    /** The distinct non-empty values of {@code column} in table order; empty if the table has no such column. */
    public List<String> distinct(String column) {
        int c = header.indexOf(column);
        Set<String> out = new LinkedHashSet<>();
        if (c >= 0) {
            for (List<String> line : cells) {
                if (!line.get(c).isEmpty()) {
                    out.add(line.get(c));
                }
            }
        }
        return List.copyOf(out);
    }

    public List<ComparisonRow> rows() {
        return rows;
    }

    /** Contrasts in order of first appearance. */
    public List<String> contrasts() {
        Set<String> out = new LinkedHashSet<>();
        for (ComparisonRow r : rows) {
            out.add(r.contrast());
        }
        return List.copyOf(out);
    }

    /** Rows of one contrast, in table order. @throws InputException if the table has no such contrast */
    public List<ComparisonRow> rows(String contrast) {
        List<ComparisonRow> out = new ArrayList<>();
        for (ComparisonRow r : rows) {
            if (r.contrast().equals(contrast)) {
                out.add(r);
            }
        }
        if (out.isEmpty()) {
            throw InputException.table(source, "has no rows of contrast '" + contrast + "' (contrasts: " + String.join(", ", contrasts()) + ")",
                    "Pick one of the listed contrasts");
        }
        return out;
    }

    /**
     * The {@code n} rows of a contrast with the smallest q-value (then p-value, then table order); rows without a
     * q-value come last. Hemisphere rows {@code both} are preferred: a region's left and right rows are taken only
     * for regions the table gives per side only, so that each region appears once.
     */
    public List<ComparisonRow> top(String contrast, int n) {
        List<ComparisonRow> all = rows(contrast);
        Set<String> withBoth = new LinkedHashSet<>();
        for (ComparisonRow r : all) {
            if (r.hemisphere().equals("both")) {
                withBoth.add(r.region());
            }
        }
        List<ComparisonRow> candidates = new ArrayList<>();
        for (ComparisonRow r : all) {
            if (r.hemisphere().equals("both") || !withBoth.contains(r.region())) {
                candidates.add(r);
            }
        }
        candidates.sort(Comparator.comparingDouble((ComparisonRow r) -> nanLast(r.qWelch())).thenComparingDouble(r -> nanLast(r.pWelch()))
                .thenComparingInt(ComparisonRow::row));
        return List.copyOf(candidates.subList(0, Math.min(n, candidates.size())));
    }

    private static double nanLast(double v) {
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }
}
