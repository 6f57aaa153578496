package org.knime.core.data.def;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

public class DefaultRow implements DataRow {

    private final RowKey m_rowKey;
    private final DataCell[] m_row;

    public DefaultRow(final RowKey rowKey, final DataCell... row) {
        if (rowKey == null) {
            throw new NullPointerException("Row ID must not be null!");
        }
        if (row == null) {
            throw new NullPointerException("Row array must not be null!");
        }
        m_row = new DataCell[row.length];
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                throw new NullPointerException("Cell at index " + i + " is null!");
            }
            m_row[i] = row[i];
        }
        m_rowKey = rowKey;
    }

    public DefaultRow(final String rowId, final DataCell... row) {
        this(new RowKey(rowId), row);
    }

    public DefaultRow(final String rowId, final List<DataCell> row) {
        this(rowId, row.toArray(new DataCell[row.size()]));
    }

    public DefaultRow(final RowKey rowKey, final List<DataCell> row) {
        this(rowKey, row.toArray(new DataCell[row.size()]));
    }

    public DefaultRow(final RowKey rowKey, final double... row) {
        this(rowKey, Arrays.stream(nonNull(row)).mapToObj(DoubleCell::new).toArray(DataCell[]::new));
    }

    public DefaultRow(final String rowId, final double... row) {
        this(new RowKey(rowId), row);
    }

    public DefaultRow(final String rowId, final int... row) {
        this(new RowKey(rowId), row);
    }

    public DefaultRow(final RowKey rowKey, final int... row) {
        this(rowKey, Arrays.stream(nonNull(row)).mapToObj(IntCell::new).toArray(DataCell[]::new));
    }

    public DefaultRow(final String rowId, final String... row) {
        this(new RowKey(rowId), row);
    }

    public DefaultRow(final RowKey rowKey, final String... row) {
        this(rowKey, Arrays.stream(nonNull(row)).map(s -> {
            if (s == null) {
                throw new NullPointerException("String in row is null!");
            }
            return new StringCell(s);
        }).toArray(DataCell[]::new));
    }

    public DefaultRow(final String rowId, final DataRow row) {
        this(new RowKey(rowId), row);
    }

    public DefaultRow(final RowKey key, final DataRow row) {
        if (key == null) {
            throw new IllegalArgumentException("Row ID can't be null.");
        }
        m_rowKey = key;
        m_row = new DataCell[row.getNumCells()];
        for (int i = 0; i < m_row.length; i++) {
            m_row[i] = row.getCell(i);
            if (m_row[i] == null) {
                throw new IllegalArgumentException("A row element can't be null.");
            }
        }
    }

    private static <A> A nonNull(final A array) {
        if (array == null) {
            throw new NullPointerException("Row array must not be null!");
        }
        return array;
    }

    @Override
    public final int getNumCells() {
        return m_row.length;
    }

    @Override
    public final RowKey getKey() {
        return m_rowKey;
    }

    @Override
    public final DataCell getCell(final int index) {
        return m_row[index];
    }

    @Override
    public Iterator<DataCell> iterator() {
        return Arrays.asList(m_row).iterator(); // fixed-size list: remove() is unsupported
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(getKey().toString()).append(": (");
        for (int i = 0; i < getNumCells(); i++) {
            b.append(i > 0 ? ", " : "").append(getCell(i));
        }
        return b.append(")").toString();
    }

    @Override
    public boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof DataRow)) {
            return false;
        }
        DataRow other = (DataRow)obj;
        if (other.getNumCells() != getNumCells() || !other.getKey().equals(getKey())) {
            return false;
        }
        for (int i = 0; i < getNumCells(); i++) {
            if (!other.getCell(i).equals(getCell(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return getKey().hashCode();
    }
}
