package org.knime.core.node;

import java.awt.Component;

/** Stand-in: no frame is created; setComponent only remembers the component. */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> {

    private Component m_comp;

    protected NodeView(final T nodeModel) {
        super(nodeModel);
    }

    protected abstract void onClose();

    protected abstract void onOpen();

    @Override
    protected void callOpenView(final String title) {
        throw new UnsupportedOperationException("KNIME API stand-in: not available outside KNIME");
    }

    @Override
    public final void callCloseView() {
        onClose();
        m_comp = null;
    }

    /** @deprecated as in KNIME. */
    @Deprecated
    public final void closeView() {
        callCloseView();
    }

    protected final void setShowNODATALabel(final boolean showIt) {
        // no-op in the stand-in
    }

    protected final Component getComponent() {
        return m_comp;
    }

    protected final void setComponent(final Component comp) {
        m_comp = comp;
    }
}
