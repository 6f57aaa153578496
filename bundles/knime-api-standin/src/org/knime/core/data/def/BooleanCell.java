package org.knime.core.data.def;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;

/** Package-private constructor as in KNIME: use TRUE/FALSE or BooleanCellFactory.create. */
@SuppressWarnings("serial")
public final class BooleanCell extends DataCell implements BooleanValue, IntValue, LongValue, DoubleValue {

    public static final BooleanCell TRUE = new BooleanCell(true);

    public static final BooleanCell FALSE = new BooleanCell(false);

    /** @deprecated as in KNIME: use {@link BooleanCellFactory#create(boolean)}. */
    @Deprecated
    public static final BooleanCell get(final boolean value) {
        return value ? TRUE : FALSE;
    }

    public static final DataType TYPE = DataType.getType(BooleanCell.class);

    private final boolean m_boolean;

    BooleanCell(final boolean b) {
        m_boolean = b;
    }

    @Override
    public boolean getBooleanValue() {
        return m_boolean;
    }

    @Override
    public int getIntValue() {
        return m_boolean ? 1 : 0;
    }

    @Override
    public long getLongValue() {
        return getIntValue();
    }

    @Override
    public double getDoubleValue() {
        return m_boolean ? 1.0 : 0.0;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((BooleanCell)dc).m_boolean == m_boolean;
    }

    @Override
    public int hashCode() {
        return getIntValue();
    }

    @Override
    public String toString() {
        return Boolean.toString(m_boolean);
    }

    private Object readResolve() {
        return m_boolean ? TRUE : FALSE;
    }

    /** Subset: the FromSimpleString/FromComplexString interfaces and createCell/getDataType are not declared. */
    public static final class BooleanCellFactory {

        public static final DataType TYPE = BooleanCell.TYPE;

        public static DataCell create(final String s) {
            return Boolean.parseBoolean(s) ? TRUE : FALSE;
        }

        public static DataCell create(final boolean b) {
            return b ? TRUE : FALSE;
        }
    }
}
