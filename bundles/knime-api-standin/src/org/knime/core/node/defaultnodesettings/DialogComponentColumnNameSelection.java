package org.knime.core.node.defaultnodesettings;

import java.util.Arrays;
import java.util.List;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Subset: the ColumnFilter constructors and getSelectedAsSpec() are not declared. */
public class DialogComponentColumnNameSelection extends DialogComponent {

    private final int m_specIndex;
    private final boolean m_isRequired;
    private final List<Class<? extends DataValue>> m_classFilter;

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, true, classFilter);
    }

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, isRequired, false, classFilter);
    }

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final boolean addNoneCol,
        final Class<? extends DataValue>... classFilter) {
        super(model);
        m_specIndex = specIndex;
        m_isRequired = isRequired;
        m_classFilter = Arrays.asList(classFilter);
    }

    /** Stand-in: the column name held by the model (null if the RowID is selected). */
    public final String getSelected() {
        if (getModel() instanceof SettingsModelColumnName && ((SettingsModelColumnName)getModel()).useRowID()) {
            return null;
        }
        return ((SettingsModelString)getModel()).getStringValue();
    }

    @Override
    protected void updateComponent() {
        // no widget in the stand-in
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        if (specs == null || specs.length <= m_specIndex) {
            throw new NotConfigurableException(
                "Need input table spec to configure dialog. Configure or execute predecessor nodes.");
        }
        DataTableSpec spec;
        try {
            spec = (DataTableSpec)specs[m_specIndex];
        } catch (final ClassCastException cce) {
            throw new NotConfigurableException(
                "Wrong type of PortObject for ColumnNameSelection, expecting DataTableSpec!");
        }
        if (!m_isRequired) {
            return;
        }
        if (spec == null) {
            throw new NotConfigurableException(
                "Need input table spec to configure dialog. Configure or execute predecessor nodes.");
        }
        for (DataColumnSpec col : spec) {
            for (Class<? extends DataValue> c : m_classFilter) {
                if (col.getType().isCompatible(c)) {
                    return;
                }
            }
        }
        throw new NotConfigurableException("No column in spec compatible to " + m_classFilter + ".");
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // the model holds the value
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
