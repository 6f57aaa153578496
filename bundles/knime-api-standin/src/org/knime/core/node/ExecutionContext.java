package org.knime.core.node;

import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;

/** Stand-in: cannot be created outside KNIME (the real constructors need a Node). */
public class ExecutionContext extends ExecutionMonitor {

    private ExecutionContext() {
        super();
    }

    private static UnsupportedOperationException na() {
        return new UnsupportedOperationException("KNIME API stand-in: not available outside KNIME");
    }

    public BufferedDataTable createBufferedDataTable(final DataTable table, final ExecutionMonitor subProgressMon)
        throws CanceledExecutionException {
        throw na();
    }

    public BufferedDataTable[] createBufferedDataTables(final DataTable[] tables, final ExecutionMonitor exec)
        throws CanceledExecutionException {
        throw na();
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        throw na();
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final boolean initDomain) {
        throw na();
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final boolean initDomain,
        final int maxCellsInMemory) {
        throw na();
    }

    public BufferedDataTable createSpecReplacerTable(final BufferedDataTable in, final DataTableSpec newSpec) {
        throw na();
    }

    public BufferedDataTable createWrappedTable(final BufferedDataTable in) {
        throw na();
    }

    public BufferedDataTable createConcatenateTable(final ExecutionMonitor exec, final BufferedDataTable... tables)
        throws CanceledExecutionException {
        throw na();
    }

    public BufferedDataTable createJoinedTable(final BufferedDataTable left, final BufferedDataTable right,
        final ExecutionMonitor exec) throws CanceledExecutionException {
        throw na();
    }

    public ExecutionContext createSubExecutionContext(final double maxProg) {
        throw na();
    }

    public ExecutionContext createSilentSubExecutionContext(final double maxProg) {
        throw na();
    }
}
