package org.knime.core.data;

import java.io.Serializable;

@SuppressWarnings("serial")
public abstract class DataCell implements DataValue, Serializable {

    /** Not final in KNIME 5.x (collection/adapter cells compute their type). */
    public DataType getType() {
        return DataType.getType(getClass());
    }

    public final boolean isMissing() {
        return this instanceof MissingValue;
    }

    @Override
    public abstract String toString();

    @Override
    public final boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataCell)) {
            return false;
        }
        DataCell other = (DataCell)o;
        if (isMissing() && other.isMissing()) {
            return true;
        }
        if (isMissing() || other.isMissing()) {
            return false;
        }
        if (getClass().equals(other.getClass())) {
            return equalsDataCell(other);
        }
        Class<? extends DataValue> p = getType().getPreferredValueClass();
        if (p != null && p.equals(other.getType().getPreferredValueClass())) {
            return equalContent(other);
        }
        return false;
    }

    protected abstract boolean equalsDataCell(DataCell dc);

    protected boolean equalContent(final DataValue otherValue) {
        return false;
    }

    @Override
    public abstract int hashCode();
}
