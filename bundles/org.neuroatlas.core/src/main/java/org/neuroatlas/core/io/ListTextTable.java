package org.neuroatlas.core.io;

import java.util.Collections;
import java.util.List;

import org.neuroatlas.core.InputException;

/** {@link TextTable#of}: rows held in memory. */
final class ListTextTable implements TextTable {

    private final String name;
    private final List<String> header;
    private final List<String> rowIds;
    private final List<List<String>> rows;

    ListTextTable(String name, List<String> header, List<String> rowIds, List<? extends List<String>> rows) {
        if (rowIds != null && rowIds.size() != rows.size()) {
            throw new IllegalArgumentException(rowIds.size() + " row ids for " + rows.size() + " rows");
        }
        this.name = name;
        this.header = header.stream().map(h -> h == null ? "" : h.trim()).toList();
        this.rowIds = rowIds == null ? null : List.copyOf(rowIds);
        // Not List.copyOf: it rejects null cells, which read as empty.
        this.rows = rows.stream().<List<String>>map(Collections::unmodifiableList).toList();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    public String get(int row, String column) {
        int c = header.indexOf(column);
        List<String> r = rows.get(row);
        if (c < 0 || c >= r.size() || r.get(c) == null) {
            return "";
        }
        return r.get(c).trim();
    }

    @Override
    public InputException error(int row, String column, String problem, String remedy) {
        String where = "row " + (row + 1) + (rowIds == null ? "" : " (" + rowIds.get(row) + ")");
        return InputException.table(name, where + ", column " + column + ": " + problem, remedy);
    }

    @Override
    public InputException error(String problem, String remedy) {
        return InputException.table(name, problem, remedy);
    }
}
