package org.knime.core.data;

/** Subset: domain, properties, handlers and meta data are not declared. */
public final class DataColumnSpec {

    private final String m_name;
    private final DataType m_type;

    DataColumnSpec(final String name, final DataType type) {
        if (name == null || type == null) {
            throw new IllegalArgumentException("Do not init DataColumnSpec with null arguments!");
        }
        m_name = name;
        m_type = type;
    }

    public String getName() {
        return m_name;
    }

    public DataType getType() {
        return m_type;
    }

    public boolean isCompatibleWith(final DataColumnSpec cspec) {
        if (cspec == this) {
            return true;
        }
        return cspec != null && getName().equals(cspec.getName()) && cspec.getType().isASuperTypeOf(getType());
    }

    public boolean equalStructure(final DataColumnSpec cspec) {
        if (cspec == this) {
            return true;
        }
        return cspec != null && getName().equals(cspec.getName()) && getType().equals(cspec.getType());
    }

    @Override
    public boolean equals(final Object o) {
        return o == this || (o instanceof DataColumnSpec && equalStructure((DataColumnSpec)o));
    }

    @Override
    public int hashCode() {
        return getName().hashCode() ^ getType().hashCode();
    }

    @Override
    public String toString() {
        return getName() + " (" + getType() + ")";
    }
}
