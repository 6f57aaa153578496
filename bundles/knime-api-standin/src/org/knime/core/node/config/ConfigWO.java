package org.knime.core.node.config;

import org.knime.core.node.config.base.ConfigBaseWO;

/** Subset of the real interface: the DataCell/DataType/RowKey adders are not declared. */
public interface ConfigWO extends ConfigBaseWO {

    Config addConfig(String key);
}
