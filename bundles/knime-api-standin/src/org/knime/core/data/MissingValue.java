package org.knime.core.data;

/** Stand-in internal marker (real KNIME: public interface MissingValue; not declared here). */
interface MissingValue extends DataValue {
}
