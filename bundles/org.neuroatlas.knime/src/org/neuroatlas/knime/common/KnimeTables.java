package org.neuroatlas.knime.common;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.TableSchema;

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
}
