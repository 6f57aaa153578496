package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * As in KNIME: writes a sub config &lt;configName&gt; holding useRowID (boolean) and columnName (string); note that
 * the inherited getKey() returns "columnName" (KNIME quirk).
 */
public class SettingsModelColumnName extends SettingsModelString {

    private final String m_configName;

    private boolean m_useRowID = false;

    public SettingsModelColumnName(final String configName, final String defaultValue) {
        super("columnName", defaultValue);
        if ((configName == null) || "".equals(configName)) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        m_configName = configName;
    }

    private SettingsModelColumnName(final String configName, final String defaultValue, final boolean useRowID) {
        super("columnName", defaultValue);
        m_configName = configName;
        m_useRowID = useRowID;
    }

    @Override
    protected SettingsModelColumnName createClone() {
        return new SettingsModelColumnName(getConfigName(), getStringValue(), m_useRowID);
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    public void setSelection(final String columnName, final boolean useRowID) {
        final boolean useRowIDChanged = setUseRowID(useRowID);
        final String old = getStringValue();
        final boolean changed = columnName == null ? old != null : !columnName.equals(old);
        setStringValue(columnName);
        if (useRowIDChanged && !changed) {
            notifyChangeListeners();
        }
    }

    private boolean setUseRowID(final boolean useRowID) {
        final boolean changed = m_useRowID != useRowID;
        m_useRowID = useRowID;
        return changed;
    }

    public boolean useRowID() {
        return m_useRowID;
    }

    public String getColumnName() {
        return getStringValue();
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        final NodeSettingsRO subSettings = settings.getNodeSettings(m_configName);
        subSettings.getBoolean("useRowID");
        super.validateSettingsForModel(subSettings);
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        final NodeSettingsWO subSettings = settings.addNodeSettings(m_configName);
        subSettings.addBoolean("useRowID", m_useRowID);
        super.saveSettingsForDialog(subSettings);
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        final NodeSettingsWO subSettings = settings.addNodeSettings(m_configName);
        subSettings.addBoolean("useRowID", m_useRowID);
        super.saveSettingsForModel(subSettings);
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        final boolean oldUseRowID = m_useRowID;
        try {
            final NodeSettingsRO subSettings = settings.getNodeSettings(m_configName);
            final boolean rowIDChanged = setUseRowID(subSettings.getBoolean("useRowID"));
            final String oldVal = super.getStringValue();
            super.loadSettingsForDialog(subSettings, specs);
            final String newVal = super.getStringValue();
            boolean valChanged = oldVal == null ? newVal != null : !oldVal.equals(newVal);
            if (rowIDChanged && !valChanged) {
                notifyChangeListeners();
            }
        } catch (final InvalidSettingsException iae) {
            m_useRowID = oldUseRowID;
        }
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        final NodeSettingsRO subSettings = settings.getNodeSettings(m_configName);
        final boolean rowIDChanged = setUseRowID(subSettings.getBoolean("useRowID"));
        final String oldVal = super.getStringValue();
        super.loadSettingsForModel(subSettings);
        final String newVal = super.getStringValue();
        boolean valChanged = oldVal == null ? newVal != null : !oldVal.equals(newVal);
        if (rowIDChanged && !valChanged) {
            notifyChangeListeners();
        }
    }
}
