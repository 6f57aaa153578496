package org.knime.core.data.image.png;

import java.util.Arrays;

import org.knime.core.data.DataCell;

/** Stand-in only (not KNIME API): the cell returned by {@link PNGImageCellFactory}. */
@SuppressWarnings("serial")
final class PNGImageStandinCell extends DataCell {

    private final byte[] m_bytes;

    PNGImageStandinCell(final byte[] bytes) {
        m_bytes = bytes.clone();
    }

    byte[] getBytes() {
        return m_bytes.clone();
    }

    @Override
    public String toString() {
        return "PNG image (" + m_bytes.length + " bytes)";
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return Arrays.equals(m_bytes, ((PNGImageStandinCell)dc).m_bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_bytes);
    }
}
