package org.knime.core.node.port;

import javax.swing.JComponent;

/** Subset: the nested PortObjectSpecSerializer is not declared. */
public interface PortObjectSpec {

    JComponent[] getViews();
}
