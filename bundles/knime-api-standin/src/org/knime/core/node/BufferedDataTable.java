package org.knime.core.node;

import javax.swing.JComponent;

import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;

/** Stand-in: cannot be instantiated outside KNIME; TYPE/TYPE_OPTIONAL are real (non-constant) port types. */
@SuppressWarnings("deprecation")
public final class BufferedDataTable implements DataTable, PortObject {

    public static final PortType TYPE = new PortType(BufferedDataTable.class);

    public static final PortType TYPE_OPTIONAL = new PortType(BufferedDataTable.class, true);

    private BufferedDataTable() {
    }

    private static UnsupportedOperationException na() {
        return new UnsupportedOperationException("KNIME API stand-in: not available outside KNIME");
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        throw na();
    }

    @Override
    public DataTableSpec getSpec() {
        throw na();
    }

    @Override
    public String getSummary() {
        throw na();
    }

    @Override
    public CloseableRowIterator iterator() {
        throw na();
    }

    public long size() {
        throw na();
    }

    /** @deprecated as in KNIME: use {@link #size()}. */
    @Deprecated
    public int getRowCount() {
        throw na();
    }

    @Override
    public JComponent[] getViews() {
        throw na();
    }
}
