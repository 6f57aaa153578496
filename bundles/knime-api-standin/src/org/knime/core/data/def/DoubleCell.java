package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;

/** Subset: the complex/fuzzy/bounded value interfaces and the serializer are not declared. */
@SuppressWarnings("serial")
public final class DoubleCell extends DataCell implements DoubleValue {

    public static final DataType TYPE = DataType.getType(DoubleCell.class);

    private final double m_double;

    public DoubleCell(final double d) {
        m_double = d;
    }

    @Override
    public double getDoubleValue() {
        return m_double;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        double o = ((DoubleCell)dc).m_double;
        if (Double.isNaN(m_double) && Double.isNaN(o)) {
            return true;
        }
        return o == m_double;
    }

    @Override
    public int hashCode() {
        long bits = Double.doubleToLongBits(m_double);
        return (int)(bits ^ (bits >>> 32));
    }

    @Override
    public String toString() {
        return Double.toString(m_double);
    }
}
