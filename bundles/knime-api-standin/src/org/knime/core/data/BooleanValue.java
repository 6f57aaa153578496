package org.knime.core.data;

/** Subset: the UTILITY field is not declared. */
public interface BooleanValue extends DataValue {

    boolean getBooleanValue();
}
