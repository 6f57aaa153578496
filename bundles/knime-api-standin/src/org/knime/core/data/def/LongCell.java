package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.LongValue;

/** Subset: the complex/fuzzy/bounded value interfaces and the serializer are not declared. */
@SuppressWarnings("serial")
public class LongCell extends DataCell implements LongValue, DoubleValue {

    public static final DataType TYPE = DataType.getType(LongCell.class);

    private final long m_long;

    public LongCell(final long l) {
        m_long = l;
    }

    @Override
    public long getLongValue() {
        return m_long;
    }

    @Override
    public double getDoubleValue() {
        return m_long;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((LongCell)dc).m_long == m_long;
    }

    @Override
    public int hashCode() {
        return (int)(m_long ^ (m_long >>> 32));
    }

    @Override
    public String toString() {
        return Long.toString(m_long);
    }
}
