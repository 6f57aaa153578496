package org.knime.core.data;

/** Subset: the UTILITY field is not declared. */
public interface StringValue extends DataValue {

    String getStringValue();
}
