package org.knime.core.data;

/** Subset: the UTILITY field and UtilityFactory are not declared. */
public interface DataValue {
}
