package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

public class SettingsModelDoubleBounded extends SettingsModelDouble {

    private final double m_minValue;

    private final double m_maxValue;

    public SettingsModelDoubleBounded(final String configName, final double defaultValue, final double minValue,
        final double maxValue) {
        super(configName, defaultValue);
        if (minValue > maxValue) {
            throw new IllegalArgumentException("Specified min value must be smaller than the max value.");
        }
        m_minValue = minValue;
        m_maxValue = maxValue;
        try {
            checkBounds(defaultValue);
        } catch (IllegalArgumentException iae) {
            throw new IllegalArgumentException("InitialValue:" + iae.getMessage());
        }
    }

    @Override
    protected SettingsModelDoubleBounded createClone() {
        return new SettingsModelDoubleBounded(getConfigName(), getDoubleValue(), m_minValue, m_maxValue);
    }

    public double getLowerBound() {
        return m_minValue;
    }

    public double getUpperBound() {
        return m_maxValue;
    }

    @Override
    protected void validateValue(final double value) throws InvalidSettingsException {
        super.validateValue(value);
        try {
            checkBounds(value);
        } catch (IllegalArgumentException iae) {
            throw new InvalidSettingsException(iae.getMessage());
        }
    }

    @Override
    public void setDoubleValue(final double newValue) {
        checkBounds(newValue);
        super.setDoubleValue(newValue);
    }

    private void checkBounds(final double val) {
        if ((val < m_minValue) || (m_maxValue < val)) {
            throw new IllegalArgumentException(
                "value (=" + val + ") must be within the range [" + m_minValue + "..." + m_maxValue + "].");
        }
    }
}
