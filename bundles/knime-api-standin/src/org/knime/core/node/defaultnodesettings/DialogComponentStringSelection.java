package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Subset: the StringIconOption and FlowVariableModel variants are not declared. */
public final class DialogComponentStringSelection extends DialogComponent {

    private List<String> m_items;

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final String... list) {
        this(stringModel, label, Arrays.asList(list));
    }

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list) {
        super(stringModel);
        setItems(list);
    }

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list, final boolean editable) {
        this(stringModel, label, list);
    }

    private void setItems(final Collection<String> list) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("Selection list of options shouldn't be null or empty");
        }
        for (String s : list) {
            if (s == null) {
                throw new NullPointerException("Options in the selection list can't be null");
            }
        }
        m_items = new ArrayList<>(list);
    }

    @Override
    protected void updateComponent() {
        // no widget in the stand-in
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        if (((SettingsModelString)getModel()).getStringValue() == null) {
            throw new InvalidSettingsException("Please select an item from the list.");
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        // no widget in the stand-in
    }

    public void setSizeComponents(final int width, final int height) {
        // no widget in the stand-in
    }

    @Override
    public void setToolTipText(final String text) {
        // no widget in the stand-in
    }

    public void replaceListItems(final Collection<String> newItems, final String select) {
        if (newItems == null || newItems.isEmpty()) {
            throw new NullPointerException("The container with the new items can't be null or empty.");
        }
        setItems(newItems);
        if (select != null && m_items.contains(select)) {
            ((SettingsModelString)getModel()).setStringValue(select);
        }
    }
}
