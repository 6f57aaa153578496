package org.neuroatlas.knime.common;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.TableSchema;
import org.neuroatlas.core.io.TextTable;

/**
 * Turns the engine's table schemas and rows into KNIME specs and rows, so that a node's output has exactly the
 * columns, names and types of the CSV the CLI writes for the same step.
 */
public final class KnimeTables {

    private KnimeTables() {
    }

    /** The KNIME spec of an engine table schema. */
    public static DataTableSpec spec(TableSchema schema) {
        return new DataTableSpec(schema.columns().stream().map(c -> new DataColumnSpecCreator(c.name(), type(c)).createSpec())
                .toArray(org.knime.core.data.DataColumnSpec[]::new));
    }

    static DataType type(Column c) {
        return switch (c.type()) {
            case STRING -> StringCell.TYPE;
            case INT -> IntCell.TYPE;
            case LONG -> LongCell.TYPE;
            case DOUBLE -> DoubleCell.TYPE;
        };
    }

    /** One engine row (values matching the schema; null = missing) as a KNIME row with key {@code Row<index>}. */
    public static DataRow row(long index, TableSchema schema, Object[] values) {
        schema.check(values);
        List<DataCell> cells = new ArrayList<>(values.length);
        for (Object v : values) {
            cells.add(cell(v));
        }
        return new DefaultRow(RowKey.createRowKey(index), cells);
    }

    /**
     * One engine row followed by cells the engine has no column type for (e.g. a PNG image), with key
     * {@code Row<index>}.
     */
    public static DataRow row(long index, TableSchema schema, Object[] values, DataCell... extra) {
        schema.check(values);
        List<DataCell> cells = new ArrayList<>(values.length + extra.length);
        for (Object v : values) {
            cells.add(cell(v));
        }
        cells.addAll(List.of(extra));
        return new DefaultRow(RowKey.createRowKey(index), cells);
    }

    /** An engine row's values as KNIME cells (null = missing), for rows that also hold input cells. */
    public static List<DataCell> cells(TableSchema schema, Object[] values) {
        schema.check(values);
        List<DataCell> cells = new ArrayList<>(values.length);
        for (Object v : values) {
            cells.add(cell(v));
        }
        return cells;
    }

    static DataCell cell(Object v) {
        if (v == null) {
            return DataType.getMissingCell();
        }
        if (v instanceof String s) {
            return new StringCell(s);
        }
        if (v instanceof Integer i) {
            return new IntCell(i);
        }
        if (v instanceof Long l) {
            return new LongCell(l);
        }
        if (v instanceof Double d) {
            return new DoubleCell(d);
        }
        throw new IllegalArgumentException("no KNIME cell for " + v.getClass());
    }

    /**
     * An input table as text cells, so that the engine validates it like the CSV the CLI would read (same rules,
     * same messages); errors name the table as {@code name} and rows by number and row id. Reads every row.
     */
    public static TextTable text(String name, DataTable table) {
        DataTableSpec spec = table.getDataTableSpec();
        List<String> ids = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (DataRow r : table) {
            ids.add(r.getKey().getString());
            List<String> cells = new ArrayList<>(r.getNumCells());
            for (int i = 0; i < r.getNumCells(); i++) {
                cells.add(text(r.getCell(i)));
            }
            rows.add(cells);
        }
        return TextTable.of(name, header(spec), ids, rows);
    }

    /**
     * Like {@link #text(String, DataTable)} but holding only the named columns (those the table has), for big
     * tables of which the engine reads a few columns; errors about missing columns list the whole table's header
     * all the same.
     */
    public static TextTable text(String name, DataTable table, String... columns) {
        DataTableSpec spec = table.getDataTableSpec();
        List<String> header = header(spec);
        List<String> kept = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (String c : columns) {
            int i = spec.findColumnIndex(c);
            if (i >= 0) {
                kept.add(c);
                index.add(i);
            }
        }
        List<String> ids = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (DataRow r : table) {
            ids.add(r.getKey().getString());
            List<String> cells = new ArrayList<>(index.size());
            for (int i : index) {
                cells.add(text(r.getCell(i)));
            }
            rows.add(cells);
        }
        TextTable subset = TextTable.of(name, kept, ids, rows);
        TextTable whole = header(name, spec);
        // Cell values come from the subset; the header (for "missing column(s) …, found: …") from the whole table.
        return new TextTable() {
            @Override
            public List<String> header() {
                return header;
            }

            @Override
            public int size() {
                return subset.size();
            }

            @Override
            public String get(int row, String column) {
                return subset.get(row, column);
            }

            @Override
            public org.neuroatlas.core.InputException error(int row, String column, String problem, String remedy) {
                return subset.error(row, column, problem, remedy);
            }

            @Override
            public org.neuroatlas.core.InputException error(String problem, String remedy) {
                return whole.error(problem, remedy);
            }
        };
    }

    /** The columns of an input table, with no rows: for checks in configure, before any data exists. */
    public static TextTable header(String name, DataTableSpec spec) {
        return TextTable.of(name, header(spec), null, List.of());
    }

    private static List<String> header(DataTableSpec spec) {
        List<String> names = new ArrayList<>(spec.getNumColumns());
        for (int i = 0; i < spec.getNumColumns(); i++) {
            names.add(spec.getColumnSpec(i).getName());
        }
        return names;
    }

    /** A cell as the text a CSV would hold; "" for missing. Integers without a decimal point (an int sample id stays "7"). */
    static String text(DataCell c) {
        if (c.isMissing()) {
            return "";
        }
        if (c instanceof StringValue s) {
            return s.getStringValue();
        }
        if (c instanceof IntValue i) {
            return Integer.toString(i.getIntValue());
        }
        if (c instanceof LongValue l) {
            return Long.toString(l.getLongValue());
        }
        if (c instanceof DoubleValue d) {
            return Double.toString(d.getDoubleValue());
        }
        return c.toString();
    }
}
