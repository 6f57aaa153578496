package org.knime.core.node.port;

import javax.swing.JComponent;

/** Subset: the nested PortObjectSerializer is not declared. */
public interface PortObject {

    String getSummary();

    PortObjectSpec getSpec();

    JComponent[] getViews();
}
