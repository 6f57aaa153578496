package org.neuroatlas.core.io;

/** Value types of table columns; each maps to one KNIME cell type (string, int, long, double). */
public enum ColumnType {
    STRING, INT, LONG, DOUBLE
}
