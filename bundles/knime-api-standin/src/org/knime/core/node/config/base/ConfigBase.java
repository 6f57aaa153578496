package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Vector;

import javax.swing.tree.TreeNode;

import org.knime.core.node.InvalidSettingsException;

/** Working in-memory settings tree (insertion-ordered), modelled on knime-shared's ConfigBase. */
@SuppressWarnings("serial")
public abstract class ConfigBase extends AbstractConfigEntry implements ConfigBaseRO, ConfigBaseWO {

    private final LinkedHashMap<String, AbstractConfigEntry> m_map;

    protected void put(final AbstractConfigEntry e) {
        m_map.put(e.getKey(), e);
        e.setParent(this);
    }

    protected AbstractConfigEntry get(final String key) {
        return m_map.get(key);
    }

    public ConfigBase(final String key) {
        super(ConfigEntries.config, key);
        m_map = new LinkedHashMap<>();
    }

    public abstract ConfigBase getInstance(String key);

    @Override
    public final ConfigBase addConfigBase(final String key) {
        final ConfigBase config = getInstance(key);
        put(config);
        return config;
    }

    protected final void addConfigBase(final ConfigBase config) {
        if (getClass() != config.getClass()) {
            throw new IllegalArgumentException("This " + getClass() + " is not equal to " + config.getClass());
        }
        put(config);
    }

    @Override
    public final ConfigBase getConfigBase(final String key) throws InvalidSettingsException {
        Object o = m_map.get(key);
        if (!(o instanceof ConfigBase)) {
            throw new InvalidSettingsException("ConfigBase for key \"" + key + "\" not found.");
        }
        return (ConfigBase)o;
    }

    // ---- typed leaf access (the real class has one entry class per type; same messages) ----

    private void putValue(final ConfigEntries type, final String key, final Object value) {
        put(new ValueEntry(type, key, value));
    }

    private Object value(final ConfigEntries type, final String key, final String what)
        throws InvalidSettingsException {
        AbstractConfigEntry e = m_map.get(key);
        if (!(e instanceof ValueEntry) || e.getType() != type) {
            throw new InvalidSettingsException(what + " for key \"" + key + "\" not found.");
        }
        return ((ValueEntry)e).value();
    }

    private Object valueOrNull(final ConfigEntries type, final String key) {
        AbstractConfigEntry e = m_map.get(key);
        return (e instanceof ValueEntry && e.getType() == type) ? ((ValueEntry)e).value() : null;
    }

    private boolean hasValue(final ConfigEntries type, final String key) {
        AbstractConfigEntry e = m_map.get(key);
        return e instanceof ValueEntry && e.getType() == type;
    }

    @Override
    public void addInt(final String key, final int value) {
        putValue(ConfigEntries.xint, key, value);
    }

    @Override
    public int getInt(final String key) throws InvalidSettingsException {
        return (Integer)value(ConfigEntries.xint, key, "Int");
    }

    @Override
    public int getInt(final String key, final int def) {
        return hasValue(ConfigEntries.xint, key) ? (Integer)valueOrNull(ConfigEntries.xint, key) : def;
    }

    @Override
    public void addDouble(final String key, final double value) {
        putValue(ConfigEntries.xdouble, key, value);
    }

    @Override
    public double getDouble(final String key) throws InvalidSettingsException {
        return (Double)value(ConfigEntries.xdouble, key, "Double");
    }

    @Override
    public double getDouble(final String key, final double def) {
        return hasValue(ConfigEntries.xdouble, key) ? (Double)valueOrNull(ConfigEntries.xdouble, key) : def;
    }

    @Override
    public void addLong(final String key, final long value) {
        putValue(ConfigEntries.xlong, key, value);
    }

    @Override
    public long getLong(final String key) throws InvalidSettingsException {
        return (Long)value(ConfigEntries.xlong, key, "Long");
    }

    @Override
    public long getLong(final String key, final long def) {
        return hasValue(ConfigEntries.xlong, key) ? (Long)valueOrNull(ConfigEntries.xlong, key) : def;
    }

    @Override
    public void addString(final String key, final String value) {
        putValue(ConfigEntries.xstring, key, value);
    }

    @Override
    public String getString(final String key) throws InvalidSettingsException {
        return (String)value(ConfigEntries.xstring, key, "String");
    }

    @Override
    public String getString(final String key, final String def) {
        return hasValue(ConfigEntries.xstring, key) ? (String)valueOrNull(ConfigEntries.xstring, key) : def;
    }

    @Override
    public void addBoolean(final String key, final boolean value) {
        putValue(ConfigEntries.xboolean, key, value);
    }

    @Override
    public boolean getBoolean(final String key) throws InvalidSettingsException {
        return (Boolean)value(ConfigEntries.xboolean, key, "Boolean");
    }

    @Override
    public boolean getBoolean(final String key, final boolean def) {
        return hasValue(ConfigEntries.xboolean, key) ? (Boolean)valueOrNull(ConfigEntries.xboolean, key) : def;
    }

    // ---- arrays: a sub config holding "array-size" and the elements under "0", "1", ... ----

    private static String arraySize() {
        return "array-size";
    }

    /** @return the array sub config, or null if the array itself was stored as null */
    private ConfigBase arrayConfig(final String key) throws InvalidSettingsException {
        ConfigBase config = getConfigBase(key);
        return config.getInt(arraySize(), -1) == -1 ? null : config;
    }

    @Override
    public int[] getIntArray(final String key) throws InvalidSettingsException {
        ConfigBase c = arrayConfig(key);
        if (c == null) {
            return null;
        }
        int[] ret = new int[c.getInt(arraySize(), -1)];
        for (int i = 0; i < ret.length; i++) {
            ret[i] = c.getInt(Integer.toString(i));
        }
        return ret;
    }

    @Override
    public int[] getIntArray(final String key, final int... def) {
        try {
            return getIntArray(key);
        } catch (InvalidSettingsException ise) {
            return def;
        }
    }

    @Override
    public void addIntArray(final String key, final int... values) {
        ConfigBaseWO config = addConfigBase(key);
        if (values != null) {
            config.addInt(arraySize(), values.length);
            for (int i = 0; i < values.length; i++) {
                config.addInt(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public double[] getDoubleArray(final String key) throws InvalidSettingsException {
        ConfigBase c = arrayConfig(key);
        if (c == null) {
            return null;
        }
        double[] ret = new double[c.getInt(arraySize(), -1)];
        for (int i = 0; i < ret.length; i++) {
            ret[i] = c.getDouble(Integer.toString(i));
        }
        return ret;
    }

    @Override
    public double[] getDoubleArray(final String key, final double... def) {
        try {
            return getDoubleArray(key);
        } catch (InvalidSettingsException ise) {
            return def;
        }
    }

    @Override
    public void addDoubleArray(final String key, final double... values) {
        ConfigBaseWO config = addConfigBase(key);
        if (values != null) {
            config.addInt(arraySize(), values.length);
            for (int i = 0; i < values.length; i++) {
                config.addDouble(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public long[] getLongArray(final String key) throws InvalidSettingsException {
        ConfigBase c = arrayConfig(key);
        if (c == null) {
            return null;
        }
        long[] ret = new long[c.getInt(arraySize(), -1)];
        for (int i = 0; i < ret.length; i++) {
            ret[i] = c.getLong(Integer.toString(i));
        }
        return ret;
    }

    @Override
    public long[] getLongArray(final String key, final long... def) {
        try {
            return getLongArray(key);
        } catch (InvalidSettingsException ise) {
            return def;
        }
    }

    @Override
    public void addLongArray(final String key, final long... values) {
        ConfigBaseWO config = addConfigBase(key);
        if (values != null) {
            config.addInt(arraySize(), values.length);
            for (int i = 0; i < values.length; i++) {
                config.addLong(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public boolean[] getBooleanArray(final String key) throws InvalidSettingsException {
        ConfigBase c = arrayConfig(key);
        if (c == null) {
            return null;
        }
        boolean[] ret = new boolean[c.getInt(arraySize(), -1)];
        for (int i = 0; i < ret.length; i++) {
            ret[i] = c.getBoolean(Integer.toString(i));
        }
        return ret;
    }

    @Override
    public boolean[] getBooleanArray(final String key, final boolean... def) {
        try {
            return getBooleanArray(key);
        } catch (InvalidSettingsException ise) {
            return def;
        }
    }

    @Override
    public void addBooleanArray(final String key, final boolean... values) {
        ConfigBaseWO config = addConfigBase(key);
        if (values != null) {
            config.addInt(arraySize(), values.length);
            for (int i = 0; i < values.length; i++) {
                config.addBoolean(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public String[] getStringArray(final String key) throws InvalidSettingsException {
        ConfigBase c = arrayConfig(key);
        if (c == null) {
            return null;
        }
        String[] ret = new String[c.getInt(arraySize(), -1)];
        for (int i = 0; i < ret.length; i++) {
            ret[i] = c.getString(Integer.toString(i));
        }
        return ret;
    }

    @Override
    public String[] getStringArray(final String key, final String... def) {
        try {
            return getStringArray(key);
        } catch (InvalidSettingsException ise) {
            return def;
        }
    }

    @Override
    public void addStringArray(final String key, final String... values) {
        ConfigBaseWO config = addConfigBase(key);
        if (values != null) {
            config.addInt(arraySize(), values.length);
            for (int i = 0; i < values.length; i++) {
                config.addString(Integer.toString(i), values[i]);
            }
        }
    }

    // ---- generic ----

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(m_map.keySet());
    }

    @Override
    public boolean containsKey(final String key) {
        return m_map.containsKey(key);
    }

    @Override
    public boolean hasIdenticalValue(final AbstractConfigEntry otherConfig) {
        ConfigBase other = (ConfigBase)otherConfig;
        if (m_map.size() != other.m_map.size()) {
            return false;
        }
        for (Map.Entry<String, AbstractConfigEntry> e : m_map.entrySet()) {
            AbstractConfigEntry o = other.m_map.get(e.getKey());
            if (o == null || !e.getValue().isIdentical(o)) {
                return false;
            }
        }
        return true;
    }

    public AbstractConfigEntry getEntry(final String key) {
        return m_map.get(key);
    }

    public void addEntry(final AbstractConfigEntry entry) {
        put(entry);
    }

    @Override
    public final Iterator<String> iterator() {
        return keySet().iterator();
    }

    @Override
    public final String toStringValue() {
        return super.getKey();
    }

    @Override
    public String toString() {
        return super.getKey();
    }

    /** Writes this config as KNIME XMLConfig; the stream is closed when done (as in KNIME). */
    @Override
    public final void saveToXML(final OutputStream os) throws IOException {
        if (os == null) {
            throw new NullPointerException();
        }
        XMLConfigIO.save(this, os);
    }

    /** Reads XMLConfig content into this object (root key taken from the file); closes the stream. */
    public void load(final InputStream is) throws IOException {
        try {
            XMLConfigIO.load(this, is);
        } finally {
            is.close();
        }
    }

    @Override
    public void copyTo(final ConfigBaseWO dest) {
        for (AbstractConfigEntry ace : m_map.values()) {
            if (ace instanceof ConfigBase) {
                ConfigBase config = dest.addConfigBase(ace.getKey());
                ((ConfigBase)ace).copyTo(config);
            } else {
                ((ConfigBase)dest).addEntry(ace);
            }
        }
    }

    final void setRootKey(final String key) {
        setKey(key);
    }

    @Override
    public TreeNode getChildAt(final int childIndex) {
        Iterator<AbstractConfigEntry> it = m_map.values().iterator();
        for (int i = 0; i < childIndex; i++) {
            it.next();
        }
        return it.next();
    }

    @Override
    public int getChildCount() {
        return m_map.size();
    }

    @Override
    public int getIndex(final TreeNode node) {
        int i = 0;
        for (AbstractConfigEntry e : m_map.values()) {
            if (e.equals(node)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    @Override
    public final boolean isLeaf() {
        return m_map.isEmpty();
    }

    @Override
    public final Enumeration<TreeNode> children() {
        return new Vector<TreeNode>(m_map.values()).elements();
    }
}
