package org.knime.core.node.defaultnodesettings;

import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.config.Config;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Working stand-in with KNIME's save/load/validate logic: next to its value(s) every model writes a sub config
 * "&lt;configName&gt;_Internals" holding SettingsModelID (string) and EnabledStatus (boolean).
 */
public abstract class SettingsModel {

    private final CopyOnWriteArrayList<ChangeListener> m_listeners;

    private boolean m_enabled;

    public SettingsModel() {
        m_listeners = new CopyOnWriteArrayList<>();
        m_enabled = true;
    }

    private static String internalsSuffix() {
        return "_Internals";
    }

    public final <T extends SettingsModel> T createCloneWithValidatedValue(final NodeSettingsRO settings)
        throws InvalidSettingsException {
        T result = createClone();
        SettingsModel r = result;
        r.m_enabled = m_enabled;
        r.readEnableStatusAndCheckModelID(settings);
        r.loadSettingsForModel(settings);
        return result;
    }

    protected abstract <T extends SettingsModel> T createClone();

    protected abstract String getModelTypeID();

    protected abstract String getConfigName();

    protected abstract void loadSettingsForDialog(NodeSettingsRO settings, PortObjectSpec[] specs)
        throws NotConfigurableException;

    final void dlgLoadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            readEnableStatusAndCheckModelID(settings);
        } catch (InvalidSettingsException ise) {
            // we need to be able to load anything (especially empty settings)
        }
        loadSettingsForDialog(settings, specs);
    }

    protected abstract void saveSettingsForDialog(NodeSettingsWO settings) throws InvalidSettingsException;

    final void dlgSaveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveEnableStatusAndModelID(settings);
        try {
            saveSettingsForDialog(settings);
        } catch (InvalidSettingsException ise) {
            if (m_enabled) {
                throw ise;
            }
        }
    }

    public void addChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(l);
        }
    }

    protected void prependChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(0, l);
        }
    }

    public void removeChangeListener(final ChangeListener l) {
        m_listeners.remove(l);
    }

    protected void notifyChangeListeners() {
        for (ChangeListener l : m_listeners) {
            l.stateChanged(new ChangeEvent(this));
        }
    }

    public void setEnabled(final boolean enabled) {
        boolean notify = m_enabled != enabled;
        m_enabled = enabled;
        if (notify) {
            notifyChangeListeners();
        }
    }

    public boolean isEnabled() {
        return m_enabled;
    }

    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        boolean oldEnableStatus = m_enabled;
        readEnableStatusAndCheckModelID(settings);
        boolean settingsEnableStatus = m_enabled;
        m_enabled = oldEnableStatus;
        if (settingsEnableStatus) {
            validateSettingsForModel(settings);
        }
    }

    protected abstract void validateSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        readEnableStatusAndCheckModelID(settings);
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException ise) {
            if (m_enabled) {
                throw ise;
            }
        }
    }

    protected abstract void loadSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    public final void saveSettingsTo(final NodeSettingsWO settings) {
        saveEnableStatusAndModelID(settings);
        saveSettingsForModel(settings);
    }

    protected abstract void saveSettingsForModel(NodeSettingsWO settings);

    private void readEnableStatusAndCheckModelID(final NodeSettingsRO settings) throws InvalidSettingsException {
        Config idCfg;
        try {
            idCfg = settings.getConfig(getConfigName() + internalsSuffix());
        } catch (InvalidSettingsException ise) {
            return; // backward compatibility: internals are optional
        }
        String settingsID = idCfg.getString("SettingsModelID");
        m_enabled = idCfg.getBoolean("EnabledStatus");
        assert getModelTypeID().equals(settingsID) : "Incorrect Implementation:"
            + "The SettingsModel used to write the values is different from the one that reads them. (WriteID = "
            + settingsID + ", ReadID = " + getModelTypeID() + ", Reading settings model: " + this + ")";
    }

    private void saveEnableStatusAndModelID(final NodeSettingsWO settings) {
        Config intCfg = settings.addConfig(getConfigName() + internalsSuffix());
        intCfg.addString("SettingsModelID", getModelTypeID());
        intCfg.addBoolean("EnabledStatus", m_enabled);
    }

    @Override
    public abstract String toString();
}
