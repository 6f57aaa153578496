package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;

/** Subset: the complex/fuzzy/bounded value interfaces and the serializer are not declared. */
@SuppressWarnings("serial")
public class IntCell extends DataCell implements IntValue, LongValue, DoubleValue {

    public static final DataType TYPE = DataType.getType(IntCell.class);

    private final int m_int;

    public IntCell(final int i) {
        m_int = i;
    }

    @Override
    public int getIntValue() {
        return m_int;
    }

    @Override
    public long getLongValue() {
        return m_int;
    }

    @Override
    public double getDoubleValue() {
        return m_int;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((IntCell)dc).m_int == m_int;
    }

    @Override
    public int hashCode() {
        return m_int;
    }

    @Override
    public String toString() {
        return Integer.toString(m_int);
    }
}
