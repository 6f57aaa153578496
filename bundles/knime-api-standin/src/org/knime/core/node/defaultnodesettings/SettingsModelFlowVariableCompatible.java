package org.knime.core.node.defaultnodesettings;

/** Subset: getFlowVariableType() (returns FlowVariable.Type) is not declared; do not implement this. */
public interface SettingsModelFlowVariableCompatible {

    String getKey();
}
