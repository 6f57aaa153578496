package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

public final class DialogComponentString extends DialogComponent {

    private final boolean m_disallowEmpty;

    public DialogComponentString(final SettingsModelString stringModel, final String label) {
        this(stringModel, label, false, 15);
    }

    public DialogComponentString(final SettingsModelString stringModel, final String label,
        final boolean disallowEmptyString, final int compWidth) {
        super(stringModel);
        m_disallowEmpty = disallowEmptyString;
    }

    @Override
    protected void updateComponent() {
        // no widget in the stand-in
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        String s = ((SettingsModelString)getModel()).getStringValue();
        if (m_disallowEmpty && (s == null || s.isEmpty())) {
            throw new InvalidSettingsException("Please enter a string value.");
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
}
