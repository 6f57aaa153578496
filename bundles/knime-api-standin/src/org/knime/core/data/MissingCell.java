package org.knime.core.data;

/** Stand-in internal missing cell (real KNIME: public final class MissingCell; not declared here). */
@SuppressWarnings("serial")
final class MissingCell extends DataCell implements MissingValue {

    static final MissingCell INSTANCE = new MissingCell();

    private MissingCell() {
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return false;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "?";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
