package org.knime.core.node.config.base;

/** Subset of the real interface: the float/char/short/byte/password adders are not declared. */
public interface ConfigBaseWO {

    ConfigBase addConfigBase(String key);

    String getKey();

    void addInt(String key, int value);

    void addDouble(String key, double value);

    void addLong(String key, long value);

    void addString(String key, String value);

    void addBoolean(String key, boolean value);

    void addIntArray(String key, int... values);

    void addDoubleArray(String key, double... values);

    void addLongArray(String key, long... values);

    void addBooleanArray(String key, boolean... values);

    void addStringArray(String key, String... values);
}
