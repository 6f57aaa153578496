package org.knime.core.node.defaultnodesettings;

/** Has package-private abstract members: cannot be subclassed outside this package (as in KNIME). */
public abstract class SettingsModelNumber extends SettingsModel {

    abstract String getNumberValueStr();

    abstract void setNumberValueStr(String newValueStr);
}
