package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Subset: getFlowVariableType is not declared. */
public class SettingsModelDouble extends SettingsModelNumber implements SettingsModelFlowVariableCompatible {

    private double m_value;

    private final String m_configName;

    public SettingsModelDouble(final String configName, final double defaultValue) {
        if ((configName == null) || "".equals(configName)) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        m_value = defaultValue;
        m_configName = configName;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelDouble createClone() {
        return new SettingsModelDouble(m_configName, m_value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_double";
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    public void setDoubleValue(final double newValue) {
        boolean notify = newValue != m_value;
        m_value = newValue;
        if (notify) {
            notifyChangeListeners();
        }
    }

    public double getDoubleValue() {
        return m_value;
    }

    @Override
    void setNumberValueStr(final String newValueStr) {
        try {
            setDoubleValue(Double.valueOf(newValueStr));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid floating point number format.");
        }
    }

    @Override
    String getNumberValueStr() {
        return Double.toString(getDoubleValue());
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            setDoubleValue(settings.getDouble(m_configName, m_value));
        } catch (IllegalArgumentException e) {
            // keep the old value
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateValue(settings.getDouble(m_configName));
    }

    protected void validateValue(final double value) throws InvalidSettingsException {
        // deriving classes check the value
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            setDoubleValue(settings.getDouble(m_configName));
        } catch (IllegalArgumentException iae) {
            throw new InvalidSettingsException(iae.getMessage());
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addDouble(m_configName, m_value);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }

    @Override
    public String getKey() {
        return m_configName;
    }
}
