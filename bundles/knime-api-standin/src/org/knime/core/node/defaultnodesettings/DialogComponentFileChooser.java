package org.knime.core.node.defaultnodesettings;

import javax.swing.JFileChooser;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Subset: the FlowVariableModel constructor and the border/history setters are not declared. */
public class DialogComponentFileChooser extends DialogComponent {

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final String... validExtensions) {
        this(stringModel, historyID, JFileChooser.OPEN_DIALOG, validExtensions);
    }

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly) {
        this(stringModel, historyID, dialogType, directoryOnly, new String[0]);
    }

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final String... validExtensions) {
        this(stringModel, historyID, dialogType, false, validExtensions);
    }

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly, final String... validExtensions) {
        super(stringModel);
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
