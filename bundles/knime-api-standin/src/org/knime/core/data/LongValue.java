package org.knime.core.data;

/** Subset: the UTILITY field is not declared. */
public interface LongValue extends DataValue {

    long getLongValue();
}
