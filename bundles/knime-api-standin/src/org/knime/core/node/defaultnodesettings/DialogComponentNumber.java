package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Subset: the FlowVariableModel constructors are not declared. */
public class DialogComponentNumber extends DialogComponent {

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        this(numberModel, label, stepSize, 10);
    }

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final int compWidth) {
        super(numberModel);
        if (compWidth < 1) {
            throw new IllegalArgumentException("Width of component can't be smaller than 1");
        }
        if (!(numberModel instanceof SettingsModelDouble) && !(numberModel instanceof SettingsModelInteger)) {
            throw new IllegalArgumentException("Only Double and Integer are currently supported by the NumberComponent");
        }
    }

    @Override
    protected void updateComponent() {
        // no widget in the stand-in
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // the model holds the value
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        // no widget in the stand-in
    }

    @Override
    public void setToolTipText(final String text) {
        // no widget in the stand-in
    }
}
