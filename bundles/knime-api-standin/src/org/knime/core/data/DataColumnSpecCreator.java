package org.knime.core.data;

/** Subset: domain/property/handler setters and merge are not declared. */
public final class DataColumnSpecCreator {

    private static int emptyColumnCount = 0;

    private String m_name;
    private DataType m_type;

    public DataColumnSpecCreator(final String name, final DataType type) {
        setName(name);
        setType(type);
    }

    public DataColumnSpecCreator(final DataColumnSpec cspec) {
        m_name = cspec.getName();
        m_type = cspec.getType();
    }

    /** Trims the name; an empty name is replaced by "&lt;empty_N&gt;" (as in KNIME). */
    public void setName(final String name) {
        if (name == null) {
            throw new NullPointerException("Name of DataColumnSpec must not be null!");
        }
        String validName = name.trim();
        if (validName.length() == 0) {
            synchronized (DataColumnSpecCreator.class) {
                validName = "<empty_" + (++emptyColumnCount) + ">";
            }
        }
        m_name = validName;
    }

    public void setType(final DataType type) {
        if (type == null) {
            throw new NullPointerException("Type of DataColumnSpec must not be null!");
        }
        m_type = type;
    }

    public DataColumnSpec createSpec() {
        return new DataColumnSpec(m_name, m_type);
    }
}
