package org.neuroatlas.core.study;

import java.util.List;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.io.TextTable;

/**
 * Some rows and columns of a table, seen as a table: errors about a cell still name the row of the whole table (so a
 * message points at the line the user has to fix), errors about the table name it as a whole.
 */
final class RowSelection implements TextTable {

    private final TextTable table;
    private final int[] rows;
    private final List<String> columns;

    /**
     * @param rows    indices into {@code table}, in the order to show
     * @param columns the columns to show (those {@code table} lacks are left out)
     */
    RowSelection(TextTable table, int[] rows, List<String> columns) {
        this.table = table;
        this.rows = rows.clone();
        this.columns = columns.stream().filter(table::hasColumn).toList();
    }

    @Override
    public List<String> header() {
        return columns;
    }

    @Override
    public int size() {
        return rows.length;
    }

    @Override
    public String get(int row, String column) {
        return columns.contains(column) ? table.get(rows[row], column) : "";
    }

    @Override
    public InputException error(int row, String column, String problem, String remedy) {
        return table.error(rows[row], column, problem, remedy);
    }

    @Override
    public InputException error(String problem, String remedy) {
        return table.error(problem, remedy);
    }
}
