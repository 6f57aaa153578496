package org.neuroatlas.knime.common;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/**
 * Base of NeuroAtlas node factories for nodes with a dialog and no views (most of them): a factory then only says
 * which model and which dialog.
 *
 * @param <T> the node model
 */
public abstract class DialogNodeFactory<T extends NodeModel> extends NodeFactory<T> {

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<T> createNodeView(int viewIndex, T nodeModel) {
        throw new IndexOutOfBoundsException("this node has no views");
    }

    @Override
    protected final boolean hasDialog() {
        return true;
    }

    @Override
    protected abstract NodeDialogPane createNodeDialogPane();
}
