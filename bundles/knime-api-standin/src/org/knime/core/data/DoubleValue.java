package org.knime.core.data;

/** Subset: the UTILITY field is not declared. */
public interface DoubleValue extends DataValue {

    double getDoubleValue();
}
