package org.knime.core.node.defaultnodesettings;

import javax.swing.JPanel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in: loads/saves through its SettingsModel like KNIME, but builds no Swing widgets (the panel is created
 * lazily and stays empty). Subset: DEFAULT_FG/DEFAULT_BG, showError/clearError and EmptySettingsModel are not declared.
 */
public abstract class DialogComponent {

    private final SettingsModel m_model;

    private JPanel m_panel;

    private PortObjectSpec[] m_lastSpecs;

    public DialogComponent(final SettingsModel model) {
        if (model == null) {
            throw new NullPointerException("SettingsModel can't be null.");
        }
        m_model = model;
    }

    public JPanel getComponentPanel() {
        if (m_panel == null) {
            m_panel = new JPanel();
        }
        return m_panel;
    }

    public final SettingsModel getModel() {
        return m_model;
    }

    protected final PortObjectSpec getLastTableSpec(final int portID) {
        return m_lastSpecs == null ? null : m_lastSpecs[portID];
    }

    protected final PortObjectSpec[] getLastTableSpecs() {
        return m_lastSpecs;
    }

    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        m_lastSpecs = specs;
        checkConfigurabilityBeforeLoad(specs);
        m_model.dlgLoadSettingsFrom(settings, specs);
        updateComponent();
    }

    protected abstract void updateComponent();

    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        try {
            validateSettingsBeforeSave();
        } catch (final InvalidSettingsException ise) {
            if (m_model.isEnabled()) {
                throw ise;
            }
        }
        m_model.dlgSaveSettingsTo(settings);
    }

    protected abstract void validateSettingsBeforeSave() throws InvalidSettingsException;

    protected abstract void checkConfigurabilityBeforeLoad(PortObjectSpec[] specs) throws NotConfigurableException;

    /** @deprecated as in KNIME: enable/disable the SettingsModel instead. */
    @Deprecated
    public final void setEnabled(final boolean enabled) {
        m_model.setEnabled(enabled);
        setEnabledComponents(enabled);
    }

    protected abstract void setEnabledComponents(boolean enabled);

    public abstract void setToolTipText(String text);
}
