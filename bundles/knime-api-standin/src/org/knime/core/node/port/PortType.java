package org.knime.core.node.port;

import java.lang.reflect.Method;

public final class PortType {

    private final Class<? extends PortObject> m_objectClass;
    private final boolean m_isOptional;

    /** @deprecated as in KNIME (use the port object's TYPE constant); works in the stand-in. */
    @Deprecated
    public PortType(final Class<? extends PortObject> objectClass, final boolean isOptional) {
        if (objectClass == null) {
            throw new NullPointerException("Port object class must not be null");
        }
        m_objectClass = objectClass;
        m_isOptional = isOptional;
    }

    /** @deprecated as in KNIME (use the port object's TYPE constant); works in the stand-in. */
    @Deprecated
    public PortType(final Class<? extends PortObject> objectClass) {
        this(objectClass, false);
    }

    public String getName() {
        return m_objectClass.getSimpleName();
    }

    public Class<? extends PortObjectSpec> getPortObjectSpecClass() {
        return getPortObjectSpecClass(m_objectClass);
    }

    public Class<? extends PortObject> getPortObjectClass() {
        return m_objectClass;
    }

    public boolean isOptional() {
        return m_isOptional;
    }

    public boolean isSuperTypeOf(final PortType subType) {
        return m_objectClass.isAssignableFrom(subType.m_objectClass);
    }

    public boolean acceptsPortObjectSpec(final PortObjectSpec spec) {
        return spec == null || getPortObjectSpecClass().isAssignableFrom(spec.getClass());
    }

    public boolean acceptsPortObject(final PortObject obj) {
        return obj == null || m_objectClass.isAssignableFrom(obj.getClass());
    }

    public static Class<? extends PortObjectSpec> getPortObjectSpecClass(
        final Class<? extends PortObject> objectClass) {
        try {
            Method m = objectClass.getMethod("getSpec");
            return m.getReturnType().asSubclass(PortObjectSpec.class);
        } catch (NoSuchMethodException e) {
            throw new RuntimeException(e);
        }
    }

    @Override
    public String toString() {
        return "PortType(" + getPortObjectSpecClass().getSimpleName() + "," + m_objectClass.getSimpleName() + ")";
    }

    @Override
    public int hashCode() {
        return m_objectClass.hashCode();
    }

    @Override
    public boolean equals(final Object obj) {
        return obj == this || (obj instanceof PortType && m_objectClass.equals(((PortType)obj).m_objectClass));
    }
}
