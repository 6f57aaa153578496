package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Stand-in: constructors, port counts/types, warning message, logger and the default configure/execute delegation
 * work; flow variables pushed by the model are kept in memory (peek reads them back).
 */
public abstract class NodeModel implements AbstractNodeView.ViewableModel {

    private final NodeLogger m_logger;
    private final PortType[] m_inPortTypes;
    private final PortType[] m_outPortTypes;
    private String m_warningMessage;
    private final Map<String, Object> m_flowVariables = new HashMap<>();

    protected NodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        this(createPOs(nrInDataPorts), createPOs(nrOutDataPorts));
    }

    private static PortType[] createPOs(final int nrDataPorts) {
        PortType[] portTypes = new PortType[nrDataPorts];
        Arrays.fill(portTypes, BufferedDataTable.TYPE);
        return portTypes;
    }

    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        m_logger = NodeLogger.getLogger(this.getClass());
        m_inPortTypes = copy(inPortTypes, "InPortType");
        m_outPortTypes = copy(outPortTypes, "OutPortType");
    }

    private static PortType[] copy(final PortType[] types, final String what) {
        if (types == null) {
            return new PortType[0];
        }
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new NullPointerException(what + "[" + i + "] must not be null!");
            }
        }
        return types.clone();
    }

    protected abstract void loadInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void saveInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected final int getNrInPorts() {
        return m_inPortTypes.length;
    }

    protected final int getNrOutPorts() {
        return m_outPortTypes.length;
    }

    protected final PortType getInPortType(final int index) {
        return m_inPortTypes[index];
    }

    protected final PortType getOutPortType(final int index) {
        return m_outPortTypes[index];
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings);

    protected abstract void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadValidatedSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException;

    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable[] inTables = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            try {
                inTables[i] = (BufferedDataTable)inObjects[i];
            } catch (ClassCastException cce) {
                throw new IOException(String.format("Input port %d does not hold data table but %s; %s", i,
                    inObjects[i].getClass().getSimpleName(),
                    "Likely reason: wrong version of NodeModel.execute() overwritten!"));
            }
        }
        return execute(inTables, exec);
    }

    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new IOException("NodeModel.execute() implementation missing!");
    }

    protected abstract void reset();

    protected void onDispose() {
        // empty, potentially overridden in sub-classes
    }

    protected final void stateChanged() {
        // no views outside KNIME
    }

    protected final void notifyViews(final Object arg) {
        // no views outside KNIME
    }

    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec[] inDataSpecs = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < inSpecs.length; i++) {
            try {
                inDataSpecs[i] = (DataTableSpec)inSpecs[i];
            } catch (ClassCastException cce) {
                throw new InvalidSettingsException("Input Port " + i + " does not hold data table specs. "
                    + "Likely reason: wrong version of NodeModel.configure() overwritten!");
            }
        }
        return configure(inDataSpecs);
    }

    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new InvalidSettingsException("NodeModel.configure() implementation missing!");
    }

    protected final void setWarningMessage(final String warningMessage) {
        m_warningMessage = warningMessage;
    }

    protected final String getWarningMessage() {
        return m_warningMessage;
    }

    private <V> V peek(final String name, final Class<V> type) {
        if (name == null) {
            throw new NullPointerException("Variable name must not be null");
        }
        Object v = m_flowVariables.get(name);
        if (!type.isInstance(v)) {
            throw new NoSuchElementException("No such variable \"" + name + "\" of type " + type.getSimpleName());
        }
        return type.cast(v);
    }

    private void push(final String name, final Object value) {
        if (name == null) {
            throw new NullPointerException("Variable name must not be null");
        }
        m_flowVariables.put(name, value);
    }

    public final String peekFlowVariableString(final String name) {
        return peek(name, String.class);
    }

    public final double peekFlowVariableDouble(final String name) {
        return peek(name, Double.class);
    }

    public final int peekFlowVariableInt(final String name) {
        return peek(name, Integer.class);
    }

    protected final void pushFlowVariableString(final String name, final String value) {
        push(name, value);
    }

    protected final void pushFlowVariableDouble(final String name, final double value) {
        push(name, value);
    }

    protected final void pushFlowVariableInt(final String name, final int value) {
        push(name, value);
    }

    protected final NodeLogger getLogger() {
        return m_logger;
    }
}
