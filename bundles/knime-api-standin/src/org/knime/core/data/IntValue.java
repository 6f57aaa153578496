package org.knime.core.data;

/** Subset: the UTILITY field is not declared. */
public interface IntValue extends DataValue {

    int getIntValue();
}
