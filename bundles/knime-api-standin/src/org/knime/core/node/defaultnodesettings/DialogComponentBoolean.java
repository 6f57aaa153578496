package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

public final class DialogComponentBoolean extends DialogComponent {

    public DialogComponentBoolean(final SettingsModelBoolean booleanModel, final String label) {
        super(booleanModel);
    }

    @Override
    protected void updateComponent() {
        // no widget in the stand-in
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // nothing to do
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        // no widget in the stand-in
    }

    /** Stand-in: reflects the model value. */
    public boolean isSelected() {
        return ((SettingsModelBoolean)getModel()).getBooleanValue();
    }

    @Override
    public void setToolTipText(final String text) {
        // no widget in the stand-in
    }
}
