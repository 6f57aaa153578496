package org.knime.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Working stand-in: one cached instance per cell class; compatible value classes are the DataValue interfaces the
 * cell class implements, the preferred one being the first declared (KNIME's convention).
 */
public final class DataType {

    private static final Map<Class<? extends DataCell>, DataType> CLASS_TO_TYPE = new HashMap<>();

    private final Class<? extends DataCell> m_cellClass;
    private final boolean m_hasPreferredValueClass;
    private final List<Class<? extends DataValue>> m_valueClasses;

    private DataType(final Class<? extends DataCell> cellClass, final boolean hasPreferred,
        final List<Class<? extends DataValue>> valueClasses) {
        m_cellClass = cellClass;
        m_hasPreferredValueClass = hasPreferred;
        m_valueClasses = valueClasses;
    }

    public static DataType getType(final Class<? extends DataCell> cell) {
        if (cell == null) {
            throw new NullPointerException("Class must not be null.");
        }
        synchronized (CLASS_TO_TYPE) {
            return CLASS_TO_TYPE.computeIfAbsent(cell, DataType::createNative);
        }
    }

    private static DataType createNative(final Class<? extends DataCell> cl) {
        LinkedHashSet<Class<? extends DataValue>> set = new LinkedHashSet<>();
        addDataValueInterfaces(set, cl);
        Class<? extends DataValue> preferred = null;
        for (Class<?> c = cl; c != null && preferred == null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (DataValue.class.isAssignableFrom(i)) {
                    preferred = i.asSubclass(DataValue.class);
                    break;
                }
            }
        }
        List<Class<? extends DataValue>> list = new ArrayList<>();
        if (preferred != null) {
            list.add(preferred);
            set.remove(preferred);
        }
        list.addAll(set);
        return new DataType(cl, preferred != null, list);
    }

    private static void addDataValueInterfaces(final Set<Class<? extends DataValue>> set, final Class<?> current) {
        for (Class<?> c : current.getInterfaces()) {
            if (DataValue.class.isAssignableFrom(c)) {
                set.add(c.asSubclass(DataValue.class));
            }
            addDataValueInterfaces(set, c);
        }
        if (current.getSuperclass() != null) {
            addDataValueInterfaces(set, current.getSuperclass());
        }
    }

    public static DataCell getMissingCell() {
        return MissingCell.INSTANCE;
    }

    public static DataType getCommonSuperType(final DataType type1, final DataType type2) {
        if (type1 == null || type2 == null) {
            throw new NullPointerException("Cannot build super type of a null type");
        }
        if (type1.isMissingValueType()) {
            return type2;
        }
        if (type2.isMissingValueType()) {
            return type1;
        }
        if (type1.isASuperTypeOf(type2)) {
            return type1;
        }
        if (type2.isASuperTypeOf(type1)) {
            return type2;
        }
        boolean pref = type1.m_hasPreferredValueClass && type2.m_hasPreferredValueClass
            && type1.m_valueClasses.get(0).equals(type2.m_valueClasses.get(0));
        LinkedHashSet<Class<? extends DataValue>> common = new LinkedHashSet<>(type1.m_valueClasses);
        common.retainAll(type2.m_valueClasses);
        return new DataType(null, pref, new ArrayList<>(common));
    }

    private boolean isMissingValueType() {
        return m_valueClasses.contains(MissingValue.class);
    }

    public Class<? extends DataValue> getPreferredValueClass() {
        return m_hasPreferredValueClass ? m_valueClasses.get(0) : null;
    }

    public List<Class<? extends DataValue>> getValueClasses() {
        return Collections.unmodifiableList(m_valueClasses);
    }

    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        for (Class<? extends DataValue> cl : m_valueClasses) {
            if (MissingValue.class.equals(cl) || valueClass.isAssignableFrom(cl)) {
                return true;
            }
        }
        return false;
    }

    public boolean isASuperTypeOf(final DataType type) {
        if (type == null) {
            throw new NullPointerException("Type argument must not be null.");
        }
        if (type == this || type.isCompatible(MissingValue.class)) {
            return true;
        }
        for (Class<? extends DataValue> cl : m_valueClasses) {
            if (!type.isCompatible(cl)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(final Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof DataType)) {
            return false;
        }
        DataType o = (DataType)other;
        if (m_hasPreferredValueClass != o.m_hasPreferredValueClass) {
            return false;
        }
        if (m_hasPreferredValueClass && !m_valueClasses.get(0).equals(o.m_valueClasses.get(0))) {
            return false;
        }
        return m_valueClasses.containsAll(o.m_valueClasses) && o.m_valueClasses.containsAll(m_valueClasses);
    }

    @Override
    public int hashCode() {
        int result = Boolean.valueOf(m_hasPreferredValueClass).hashCode();
        for (Class<? extends DataValue> cl : m_valueClasses) {
            result ^= cl.hashCode();
        }
        return result;
    }

    /** Simple name of the cell class, or "Non-Native [value classes]" (as in KNIME). */
    @Override
    public String toString() {
        if (m_cellClass != null) {
            return m_cellClass.getSimpleName();
        }
        return "Non-Native " + Arrays.toString(m_valueClasses.toArray());
    }
}
