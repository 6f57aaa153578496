package org.neuroatlas.core.io;

import java.util.ArrayList;
import java.util.List;

import org.neuroatlas.core.InputException;

/**
 * A user-supplied table of text cells with named columns — a CSV file ({@link CsvTable}) or rows handed over in
 * memory ({@link #of}) — with user-facing errors that say where the offending cell is. Input readers such as the
 * sample sheet validate against this interface, so a file and an in-memory table get the same checks and messages.
 */
public interface TextTable {

    /** Column names, trimmed, in table order. */
    List<String> header();

    /** Number of rows (header excluded). */
    int size();

    /** The value of {@code column} in row {@code row} (0-based), trimmed; "" if the column is absent or the cell empty. */
    String get(int row, String column);

    /** A user-facing error about one cell, naming the table, the row and the column. */
    InputException error(int row, String column, String problem, String remedy);

    /** A user-facing error about the table as a whole, naming it. */
    InputException error(String problem, String remedy);

    default boolean hasColumn(String name) {
        return header().contains(name);
    }

    /** Fails with the list of present columns if any of {@code names} is missing. */
    default void requireColumns(String... names) {
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            if (!hasColumn(n)) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            throw error("missing column(s) " + String.join(", ", missing) + " (found: " + String.join(", ", header()) + ")",
                    "Add the column(s) to the header line");
        }
    }

    /** The value of {@code column} in {@code row} as a number; {@code NaN} if empty and {@code allowEmpty}. */
    default double getDouble(int row, String column, boolean allowEmpty) {
        String s = get(row, column);
        if (s.isEmpty() && allowEmpty) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            if (Double.isNaN(v) && !allowEmpty) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw error(row, column, "'" + s + "' is not a number", "Use a plain decimal number such as 30 or 2.5");
        }
    }

    /**
     * A table of text rows held in memory, e.g. a KNIME input table converted cell by cell.
     *
     * @param name   how errors name the table, e.g. {@code sample sheet table}
     * @param header column names
     * @param rowIds how errors name each row besides its 1-based number (e.g. KNIME row ids); null for numbers only
     * @param rows   cells per row, in header order; null cells and missing trailing cells read as ""
     */
    static TextTable of(String name, List<String> header, List<String> rowIds, List<? extends List<String>> rows) {
        return new ListTextTable(name, header, rowIds, rows);
    }
}
