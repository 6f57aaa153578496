package org.neuroatlas.core.io;

/**
 * One column of an output table, identical in the CSV the CLI writes and the KNIME table a node outputs.
 *
 * @param name        header name (snake_case, units in the name where they matter, e.g. {@code voxel_um_x})
 * @param type        value type
 * @param description one line for the README and node descriptions
 */
public record Column(String name, ColumnType type, String description) {

    public static Column string(String name, String description) {
        return new Column(name, ColumnType.STRING, description);
    }

    public static Column integer(String name, String description) {
        return new Column(name, ColumnType.INT, description);
    }

    public static Column longInt(String name, String description) {
        return new Column(name, ColumnType.LONG, description);
    }

    public static Column real(String name, String description) {
        return new Column(name, ColumnType.DOUBLE, description);
    }
}
