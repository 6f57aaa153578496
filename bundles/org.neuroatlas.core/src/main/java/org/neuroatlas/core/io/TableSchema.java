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

    /** The key columns, then the others. */
    public static TableSchema withKey(List<Column> key, Column... columns) {
        List<Column> all = new java.util.ArrayList<>(key);
        all.addAll(List.of(columns));
        return new TableSchema(all);
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

    /**
     * Row {@code row} of a table this schema wrote (e.g. read back from its CSV), as typed values; empty cells are
     * null.
     *
     * @throws org.neuroatlas.core.InputException naming the table, line and column of a missing column or a value
     *                                            that is not of the column's type
     */
    public Object[] read(TextTable table, int row) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            Column c = columns.get(i);
            String text = table.get(row, c.name());
            if (text.isEmpty() && c.type() != ColumnType.STRING) {
                continue;
            }
            try {
                values[i] = switch (c.type()) {
                    case STRING -> text;
                    case INT -> Integer.valueOf(text);
                    case LONG -> Long.valueOf(text);
                    case DOUBLE -> Double.valueOf(text);
                };
            } catch (NumberFormatException e) {
                throw table.error(row, c.name(), "'" + text + "' is not " + (c.type() == ColumnType.DOUBLE ? "a number" : "a whole number"),
                        "The file should be as NeuroAtlas wrote it");
            }
        }
        return values;
    }
}
