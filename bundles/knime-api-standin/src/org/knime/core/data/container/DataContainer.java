package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowIterator;
import org.knime.core.data.RowKey;

/**
 * In-memory stand-in. Deliberately NOT AutoCloseable (KNIME's DataContainer is not). Subset: the RowAppender /
 * RowFlushable interfaces and the file/zip methods are not declared.
 */
public class DataContainer {

    private final DataTableSpec m_spec;
    private final List<DataRow> m_rows = new ArrayList<>();
    private final Set<RowKey> m_keys = new HashSet<>();
    private boolean m_isClosed;

    public DataContainer(final DataTableSpec spec) {
        this(spec, false);
    }

    public DataContainer(final DataTableSpec spec, final boolean initDomain) {
        if (spec == null) {
            throw new NullPointerException("Spec must not be null!");
        }
        m_spec = spec;
    }

    /** @deprecated for removal since KNIME 5.3; present in 5.1. */
    @Deprecated
    public DataContainer(final DataTableSpec spec, final boolean initDomain, final int maxCellsInMemory) {
        this(spec, initDomain);
    }

    public void addRowToTable(final DataRow row) {
        if (m_isClosed) {
            throw new IllegalStateException("Cannot add row: container has been closed.");
        }
        if (row.getNumCells() != m_spec.getNumColumns()) {
            throw new IllegalArgumentException("Cell count in row \"" + row.getKey() + "\" is not equal to length"
                + " of column names array: " + row.getNumCells() + " vs. " + m_spec.getNumColumns());
        }
        for (int i = 0; i < row.getNumCells(); i++) {
            DataCell c = row.getCell(i);
            if (!m_spec.getColumnSpec(i).getType().isASuperTypeOf(c.getType())) {
                throw new IllegalArgumentException("Runtime class of object \"" + c + "\" (index " + i
                    + ") in row \"" + row.getKey() + "\" is " + c.getType() + " and does not comply with its"
                    + " supposed superclass " + m_spec.getColumnSpec(i).getType());
            }
        }
        if (!m_keys.add(row.getKey())) {
            throw new IllegalArgumentException("Encountered duplicate row ID \"" + row.getKey() + "\"");
        }
        m_rows.add(row);
    }

    public void close() {
        if (m_isClosed) {
            throw new IllegalStateException("Container has already been closed.");
        }
        m_isClosed = true;
    }

    public boolean isClosed() {
        return m_isClosed;
    }

    public long size() {
        return m_rows.size();
    }

    public DataTable getTable() {
        if (!isClosed()) {
            throw new IllegalStateException("Cannot get table: container is not closed.");
        }
        final List<DataRow> rows = new ArrayList<>(m_rows);
        return new DataTable() {
            @Override
            public DataTableSpec getDataTableSpec() {
                return m_spec;
            }

            @Override
            public RowIterator iterator() {
                final Iterator<DataRow> it = rows.iterator();
                return new RowIterator() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public DataRow next() {
                        return it.next();
                    }
                };
            }
        };
    }
}
