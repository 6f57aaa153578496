package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in: components are loaded/saved like in KNIME; tabs and groups are only bookkeeping (no Swing layout). */
public class DefaultNodeSettingsPane extends NodeDialogPane {

    private final List<DialogComponent> m_dialogComponents = new ArrayList<>();

    private final Set<String> m_tabTitles = new LinkedHashSet<>();

    private String m_defaultTabTitle = "Options";

    public DefaultNodeSettingsPane() {
        super();
        m_tabTitles.add(m_defaultTabTitle);
    }

    public void setDefaultTabTitle(final String tabTitle) {
        if ((tabTitle == null) || (tabTitle.length() == 0)) {
            throw new IllegalArgumentException("The title of a tab can't be null or empty.");
        }
        if (tabTitle.equals(m_defaultTabTitle)) {
            return;
        }
        if (m_tabTitles.contains(tabTitle)) {
            throw new IllegalArgumentException(
                "A tab with the specified new name (" + tabTitle + ") already exists.");
        }
        m_tabTitles.remove(m_defaultTabTitle);
        m_tabTitles.add(tabTitle);
        m_defaultTabTitle = tabTitle;
    }

    public void createNewTabAt(final String tabTitle, final int index) {
        if ((tabTitle == null) || (tabTitle.length() == 0)) {
            throw new IllegalArgumentException("The title of a tab can't be null nor empty.");
        }
        if (!m_tabTitles.add(tabTitle)) {
            throw new IllegalArgumentException(
                "A tab with the specified new name (" + tabTitle + ") already exists.");
        }
    }

    public void createNewTab(final String tabTitle) {
        createNewTabAt(tabTitle, Integer.MAX_VALUE);
    }

    public void selectTab(final String tabTitle) {
        // no-op in the stand-in
    }

    public void createNewGroup(final String title) {
        // no-op in the stand-in
    }

    public void closeCurrentGroup() {
        // no-op in the stand-in
    }

    public void addDialogComponent(final DialogComponent diaC) {
        m_dialogComponents.add(diaC);
    }

    public void setHorizontalPlacement(final boolean horizontal) {
        // no-op in the stand-in
    }

    @Override
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        for (DialogComponent comp : m_dialogComponents) {
            comp.loadSettingsFrom(settings, specs);
        }
        loadAdditionalSettingsFrom(settings, specs);
    }

    @Override
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        for (DialogComponent comp : m_dialogComponents) {
            comp.saveSettingsTo(settings);
        }
        saveAdditionalSettingsTo(settings);
    }

    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        DataTableSpec[] dtsArray = new DataTableSpec[specs.length];
        for (int i = 0; i < dtsArray.length; i++) {
            PortObjectSpec s = specs[i];
            if (s instanceof DataTableSpec) {
                dtsArray[i] = (DataTableSpec)s;
            } else if (s == null) {
                dtsArray[i] = new DataTableSpec();
            } else {
                return;
            }
        }
        loadAdditionalSettingsFrom(settings, dtsArray);
    }

    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        // hook for subclasses
    }

    public void saveAdditionalSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        // hook for subclasses
    }
}
