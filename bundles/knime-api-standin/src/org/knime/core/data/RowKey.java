package org.knime.core.data;

public final class RowKey {

    private final String m_id;

    public RowKey(final String id) {
        if (id == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_id = id;
    }

    public String getString() {
        return m_id;
    }

    @Override
    public String toString() {
        return getString();
    }

    @Override
    public boolean equals(final Object obj) {
        return obj == this || (obj instanceof RowKey && ((RowKey)obj).m_id.equals(m_id));
    }

    @Override
    public int hashCode() {
        return m_id.hashCode();
    }

    public static String[] toStrings(final RowKey... rowKeys) {
        if (rowKeys == null) {
            return null;
        }
        String[] strs = new String[rowKeys.length];
        for (int i = 0; i < strs.length; i++) {
            strs[i] = rowKeys[i].getString();
        }
        return strs;
    }

    public static RowKey[] toRowKeys(final String... strs) {
        if (strs == null) {
            return null;
        }
        RowKey[] keys = new RowKey[strs.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new RowKey(strs[i]);
        }
        return keys;
    }

    /** "Row" + index; the 5.x signature takes a long (the int variant of 2.x is not declared). */
    public static RowKey createRowKey(final long rowIndex) {
        return new RowKey("Row" + rowIndex);
    }
}
