package org.knime.core.node;

/**
 * Stand-in with only what NodeView needs. Since KNIME 3.4 the type parameter is bounded by the nested marker
 * interface {@link ViewableModel} (which NodeModel implements), so {@link #getNodeModel()} erases to ViewableModel.
 */
public abstract class AbstractNodeView<T extends AbstractNodeView.ViewableModel> {

    /** Marker interface for models that can be shown in node views. */
    public interface ViewableModel {
    }

    private final NodeLogger m_logger;
    private final T m_viewableModel;

    protected AbstractNodeView(final T nodeModel) {
        if (nodeModel == null) {
            throw new IllegalArgumentException("Node model must not be null");
        }
        m_logger = NodeLogger.getLogger(this.getClass());
        m_viewableModel = nodeModel;
    }

    protected T getNodeModel() {
        return m_viewableModel;
    }

    public NodeLogger getLogger() {
        return m_logger;
    }

    protected abstract void modelChanged();

    protected void updateModel(final Object arg) {
        // subclasses may override
    }

    protected abstract void callOpenView(String title);

    protected abstract void callCloseView();
}
