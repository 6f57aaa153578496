package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Subset: getFlowVariableType is not declared. */
public class SettingsModelInteger extends SettingsModelNumber implements SettingsModelFlowVariableCompatible {

    private int m_value;

    private final String m_configName;

    public SettingsModelInteger(final String configName, final int defaultValue) {
        if ((configName == null) || "".equals(configName)) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        m_value = defaultValue;
        m_configName = configName;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelInteger createClone() {
        return new SettingsModelInteger(m_configName, m_value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_integer";
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    public void setIntValue(final int newValue) {
        boolean notify = m_value != newValue;
        m_value = newValue;
        if (notify) {
            notifyChangeListeners();
        }
    }

    public int getIntValue() {
        return m_value;
    }

    @Override
    void setNumberValueStr(final String newValueStr) {
        try {
            setIntValue(Integer.valueOf(newValueStr));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid integer number format ('" + newValueStr + "')");
        }
    }

    @Override
    String getNumberValueStr() {
        return Integer.toString(getIntValue());
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            setIntValue(settings.getInt(m_configName, m_value));
        } catch (IllegalArgumentException iae) {
            // keep the old value
        } finally {
            notifyChangeListeners();
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateValue(settings.getInt(m_configName));
    }

    protected void validateValue(final int value) throws InvalidSettingsException {
        // deriving classes check the value
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            setIntValue(settings.getInt(m_configName));
        } catch (IllegalArgumentException iae) {
            throw new InvalidSettingsException(iae.getMessage());
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addInt(m_configName, m_value);
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
