package org.neuroatlas.knime.common;

import java.io.File;
import java.util.List;

import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortType;
import org.neuroatlas.core.io.TableSchema;

/**
 * Base of NeuroAtlas node models: the settings live in one {@link NodeSettingsSupport} object; results are not
 * cached in the node (tables are KNIME's), so there are no internals to save.
 *
 * @param <S> the node's settings class
 */
public abstract class SettingsNodeModel<S extends NodeSettingsSupport> extends NodeModel {

    private final S settings;

    protected SettingsNodeModel(int inPorts, int outPorts, S settings) {
        super(inPorts, outPorts);
        this.settings = settings;
    }

    protected SettingsNodeModel(PortType[] in, PortType[] out, S settings) {
        super(in, out);
        this.settings = settings;
    }

    /** A KNIME table of engine rows (values matching {@code schema}). */
    protected static BufferedDataTable table(ExecutionContext exec, TableSchema schema, List<Object[]> rows) {
        BufferedDataContainer out = exec.createDataContainer(KnimeTables.spec(schema));
        long i = 0;
        for (Object[] r : rows) {
            out.addRowToTable(KnimeTables.row(i++, schema, r));
        }
        out.close();
        return out.getTable();
    }

    /** The node's current settings. */
    public final S settings() {
        return settings;
    }

    @Override
    protected final void saveSettingsTo(NodeSettingsWO s) {
        settings.saveSettingsTo(s);
    }

    @Override
    protected final void validateSettings(NodeSettingsRO s) throws InvalidSettingsException {
        settings.validateSettings(s);
    }

    @Override
    protected final void loadValidatedSettingsFrom(NodeSettingsRO s) throws InvalidSettingsException {
        settings.loadValidatedSettingsFrom(s);
    }

    @Override
    protected void reset() {
        // nothing cached
    }

    @Override
    protected final void loadInternals(File dir, ExecutionMonitor exec) {
        // no internals
    }

    @Override
    protected final void saveInternals(File dir, ExecutionMonitor exec) {
        // no internals
    }
}
