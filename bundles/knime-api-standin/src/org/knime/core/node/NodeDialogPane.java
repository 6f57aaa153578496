package org.knime.core.node;

import java.awt.Component;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.swing.JPanel;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in: tabs are only remembered (no Swing panel is built until getPanel() is called). */
public abstract class NodeDialogPane {

    private final NodeLogger m_logger = NodeLogger.getLogger(getClass());
    private final Map<String, Component> m_tabs = new LinkedHashMap<>();
    private JPanel m_panel;

    protected NodeDialogPane() {
    }

    protected final NodeLogger getLogger() {
        return m_logger;
    }

    public final JPanel getPanel() {
        if (m_panel == null) {
            m_panel = new JPanel();
        }
        return m_panel;
    }

    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        DataTableSpec[] inDataSpecs = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            try {
                inDataSpecs[i] = (DataTableSpec)specs[i];
            } catch (ClassCastException cce) {
                throw new NotConfigurableException("Input Port " + i + " does not hold data table specs. "
                    + "Likely reason: wrong version of loadSettingsFrom() overwritten!");
            }
        }
        loadSettingsFrom(settings, inDataSpecs);
    }

    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        throw new NotConfigurableException("NodeDialogPane.loadSettingsFrom() implementation missing!");
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException;

    public void onCancel() {
        // default implementation does nothing
    }

    public void onClose() {
        // default implementation does nothing
    }

    public void onOpen() {
        // default implementation does nothing
    }

    protected final void addTab(final String title, final Component comp) {
        addTab(title, comp, true);
    }

    protected final void addTab(final String title, final Component comp, final boolean wrapInScrollPane) {
        if (title == null) {
            throw new NullPointerException("The title of a tab in the dialog can't be null");
        }
        if (comp == null) {
            throw new NullPointerException("The component in the dialog's tab can't be null");
        }
        String t = title;
        for (int idx = 2; m_tabs.containsKey(t) && m_tabs.get(t) != comp; idx++) {
            t = title + " (#" + idx + ")";
        }
        m_tabs.put(t, comp);
    }
}
