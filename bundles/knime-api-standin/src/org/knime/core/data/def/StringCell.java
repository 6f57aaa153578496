package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;

/** Subset: NominalValue and the serializer are not declared. */
@SuppressWarnings("serial")
public final class StringCell extends DataCell implements StringValue {

    public static final DataType TYPE = DataType.getType(StringCell.class);

    private final String m_string;

    public StringCell(final String str) {
        if (str == null) {
            throw new NullPointerException("String value can't be null.");
        }
        m_string = str;
    }

    @Override
    public String getStringValue() {
        return m_string;
    }

    @Override
    public String toString() {
        return getStringValue();
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return m_string.equals(((StringCell)dc).m_string);
    }

    @Override
    public int hashCode() {
        return m_string.hashCode();
    }
}
