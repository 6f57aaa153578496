package org.neuroatlas.core.io;

import java.util.List;

/** The ordered columns of an output table. Rows are {@code Object[]} whose values match the column types. */
public record TableSchema(List<Column> columns) {

    public TableSchema {
        columns = List.copyOf(columns);
    }

    public static TableSchema of(Column... columns) {
        return new TableSchema(List.of(columns));
    }

    public int size() {
        return columns.size();
    }

    public Column column(int i) {
        return columns.get(i);
    }

    /** Index of the column named {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public String[] names() {
        return columns.stream().map(Column::name).toArray(String[]::new);
    }

    /**
     * Checks that {@code row} fits this schema: right length, values of the column types or null (missing).
     *
     * @throws IllegalArgumentException on a mismatch (a programming error)
     */
    public void check(Object[] row) {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException("row has " + row.length + " values for " + columns.size() + " columns");
        }
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            ColumnType t = columns.get(i).type();
            boolean ok = v == null || switch (t) {
                case STRING -> v instanceof String;
                case INT -> v instanceof Integer;
                case LONG -> v instanceof Long;
                case DOUBLE -> v instanceof Double;
            };
            if (!ok) {
                throw new IllegalArgumentException("column " + columns.get(i).name() + " (" + t + ") got " + v.getClass().getSimpleName());
            }
        }
    }
}
