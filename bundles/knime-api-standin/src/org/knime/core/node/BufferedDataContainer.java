package org.knime.core.node;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;

/** Stand-in: only created by an ExecutionContext (never outside KNIME). */
public class BufferedDataContainer extends DataContainer {

    BufferedDataContainer(final DataTableSpec spec) {
        super(spec);
    }

    @Override
    public BufferedDataTable getTable() {
        throw new UnsupportedOperationException("KNIME API stand-in: not available outside KNIME");
    }
}
