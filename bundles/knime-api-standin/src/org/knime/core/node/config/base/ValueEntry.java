package org.knime.core.node.config.base;

import java.util.Objects;

/** Stand-in internal leaf entry (real KNIME has one public class per type, e.g. ConfigIntEntry). */
@SuppressWarnings("serial")
final class ValueEntry extends AbstractConfigEntry {

    /** Typed value (Integer, Long, Double, Boolean, String) or, for float/short/byte/char, the raw XML string. */
    private final Object m_value;

    ValueEntry(final ConfigEntries type, final String key, final Object value) {
        super(type, key);
        m_value = value;
    }

    Object value() {
        return m_value;
    }

    /** Creates an entry from its XML string form, like ConfigEntries#createEntry. */
    static ValueEntry parse(final ConfigEntries type, final String key, final String value) {
        switch (type) {
            case xstring:
            case xpassword:
                return new ValueEntry(type, key, value);
            case xint:
                return new ValueEntry(type, key, Integer.parseInt(value));
            case xlong:
                return new ValueEntry(type, key, Long.parseLong(value));
            case xdouble:
                return new ValueEntry(type, key, Double.parseDouble(value));
            case xboolean:
                return new ValueEntry(type, key, Boolean.parseBoolean(value));
            case xfloat:
            case xshort:
            case xbyte:
            case xchar:
                // not readable through this stand-in's typed getters; kept verbatim so that files round-trip
                return new ValueEntry(type, key, value);
            default:
                throw new UnsupportedOperationException("Do not call this method on sub config entries");
        }
    }

    @Override
    public String toStringValue() {
        return m_value == null ? null : m_value.toString();
    }

    @Override
    boolean hasIdenticalValue(final AbstractConfigEntry ace) {
        Object o = ((ValueEntry)ace).m_value;
        if (m_value instanceof Double && o instanceof Double) {
            return Double.compare((Double)m_value, (Double)o) == 0;
        }
        return Objects.equals(m_value, o);
    }
}
