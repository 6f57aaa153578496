package org.knime.core.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;

/** Working stand-in; subset: properties, handlers, save/load and serializer are not declared. */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {

    private final Map<String, Integer> m_colIndexMap = new HashMap<>();
    private final DataColumnSpec[] m_columnSpecs;
    private final String m_name;

    private static String defaultName() {
        return "default";
    }

    public DataTableSpec() {
        this(defaultName());
    }

    public DataTableSpec(final DataColumnSpec... colSpecs) {
        this(defaultName(), colSpecs);
    }

    public DataTableSpec(final DataTableSpec spec1, final DataTableSpec spec2) {
        this(getConcatName(spec1.getName(), spec2.getName()), spec1, spec2);
    }

    public DataTableSpec(final String name) {
        this(name, new DataColumnSpec[0]);
    }

    public DataTableSpec(final String name, final DataColumnSpec... colSpecs) {
        m_name = name == null ? defaultName() : name;
        m_columnSpecs = new DataColumnSpec[colSpecs.length];
        for (int i = 0; i < colSpecs.length; i++) {
            String currentName = colSpecs[i].getName();
            Integer dup = m_colIndexMap.put(currentName, i);
            if (dup != null) {
                throw new IllegalArgumentException(
                    "Duplicate column name \"" + currentName + "\" at positions " + dup + " and " + i + ".");
            }
            m_columnSpecs[i] = colSpecs[i];
        }
    }

    public DataTableSpec(final String name, final DataTableSpec spec1, final DataTableSpec spec2) {
        this(name, appendTableSpecs(spec1, spec2));
    }

    public DataTableSpec(final String name, final String[] names, final DataType[] types) {
        this(name, createColumnSpecs(names, types));
    }

    /** Note: like KNIME, this constructor names the spec "spec_name". */
    public DataTableSpec(final String[] names, final DataType[] types) {
        this("spec_name", names, types);
    }

    private static DataColumnSpec[] appendTableSpecs(final DataTableSpec spec1, final DataTableSpec spec2) {
        DataColumnSpec[] result = new DataColumnSpec[spec1.getNumColumns() + spec2.getNumColumns()];
        int idx = 0;
        for (DataColumnSpec c : spec1) {
            if (spec2.containsName(c.getName())) {
                throw new IllegalArgumentException("Table specs to join contain the duplicate column name \""
                    + c.getName() + "\" at position " + idx + " and " + spec2.findColumnIndex(c.getName()) + ".");
            }
            result[idx++] = c;
        }
        for (DataColumnSpec c : spec2) {
            result[idx++] = c;
        }
        return result;
    }

    private static String getConcatName(final String n1, final String n2) {
        if (defaultName().equals(n1)) {
            return n2;
        } else if (defaultName().equals(n2)) {
            return n1;
        }
        return n1 + "+" + n2;
    }

    public static final DataColumnSpec[] createColumnSpecs(final String[] names, final DataType[] types) {
        if (names.length != types.length) {
            throw new IllegalArgumentException("Parameter arrays names and types must have the same length (names: "
                + names.length + ", types: " + types.length + ").");
        }
        HashSet<String> hash = new HashSet<>();
        DataColumnSpec[] specs = new DataColumnSpec[names.length];
        for (int i = 0; i < names.length; i++) {
            if (!hash.add(names[i])) {
                throw new IllegalArgumentException("Duplicate column name \"" + names[i] + "\" at position " + i + ".");
            }
            specs[i] = new DataColumnSpecCreator(names[i], types[i]).createSpec();
        }
        return specs;
    }

    public static String getUniqueColumnName(final DataTableSpec spec, final String columnName) {
        if (columnName == null) {
            throw new NullPointerException("Column name must not be null.");
        }
        String trimmed = columnName.trim();
        String result = trimmed;
        for (int u = 1; spec.containsName(result); u++) {
            result = trimmed + " (#" + u + ")";
        }
        return result;
    }

    public boolean containsCompatibleType(final Class<? extends DataValue> valueClass) {
        if (valueClass == null) {
            return false;
        }
        for (DataColumnSpec c : m_columnSpecs) {
            if (c.getType().isCompatible(valueClass)) {
                return true;
            }
        }
        return false;
    }

    public boolean containsName(final String columnName) {
        return findColumnIndex(columnName) >= 0;
    }

    public boolean equalStructure(final DataTableSpec spec) {
        if (spec == this) {
            return true;
        }
        if (spec == null || spec.getNumColumns() != getNumColumns()) {
            return false;
        }
        for (int i = 0; i < getNumColumns(); i++) {
            if (!getColumnSpec(i).equalStructure(spec.getColumnSpec(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof DataTableSpec)) {
            return false;
        }
        DataTableSpec spec = (DataTableSpec)obj;
        return m_name.equals(spec.m_name) && Arrays.equals(m_columnSpecs, spec.m_columnSpecs);
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (DataColumnSpec c : m_columnSpecs) {
            h ^= c.hashCode();
        }
        return h;
    }

    public int findColumnIndex(final String columnName) {
        if (columnName == null) {
            return -1;
        }
        Integer result = m_colIndexMap.get(columnName);
        return result == null ? -1 : result;
    }

    public final String[] getColumnNames() {
        String[] names = new String[getNumColumns()];
        for (int i = 0; i < names.length; i++) {
            names[i] = getColumnSpec(i).getName();
        }
        return names;
    }

    public DataColumnSpec getColumnSpec(final int index) {
        return m_columnSpecs[index];
    }

    public DataColumnSpec getColumnSpec(final String column) {
        int idx = findColumnIndex(column);
        return idx == -1 ? null : m_columnSpecs[idx];
    }

    public String getName() {
        return m_name;
    }

    public int getNumColumns() {
        return m_columnSpecs.length;
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        return Collections.unmodifiableList(Arrays.asList(m_columnSpecs)).iterator();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("name=" + m_name + ",columns=[");
        for (int i = 0; i < getNumColumns(); i++) {
            b.append(i > 0 ? "; " : "").append(getColumnSpec(i).getName());
        }
        return b.append("]").toString();
    }

    /** Stand-in: no views outside KNIME. */
    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
