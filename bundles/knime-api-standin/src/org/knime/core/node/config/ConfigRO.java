package org.knime.core.node.config;

import java.util.Iterator;

import javax.swing.tree.TreeNode;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;

/** Subset of the real interface: the DataCell/DataType/RowKey accessors are not declared. */
public interface ConfigRO extends ConfigBaseRO, TreeNode, Iterable<String> {

    Config getConfig(String key) throws InvalidSettingsException;

    @Override
    Iterator<String> iterator();
}
