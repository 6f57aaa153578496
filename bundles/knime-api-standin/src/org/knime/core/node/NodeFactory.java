package org.knime.core.node;

import java.net.URL;

/** Stand-in: constructors work (no node description is loaded); description accessors are unavailable. */
public abstract class NodeFactory<T extends NodeModel> {

    /** Node types of KNIME 5.1. */
    public static enum NodeType {
        Source, Sink, Learner, Predictor, Manipulator, Visualizer, Widget, Meta, LoopStart, LoopEnd, ScopeStart,
        ScopeEnd, QuickForm, Configuration, Other, Missing, Unknown, Subnode, VirtualIn, VirtualOut, Container
    }

    protected NodeFactory() {
        this(false);
    }

    protected NodeFactory(final boolean lazyInitialization) {
        // no description loading in the stand-in
    }

    private static UnsupportedOperationException na() {
        return new UnsupportedOperationException("KNIME API stand-in: node descriptions are not available");
    }

    public final String getNodeName() {
        throw na();
    }

    public final String getInportDescription(final int index) {
        throw na();
    }

    public final String getOutportDescription(final int index) {
        throw na();
    }

    public abstract T createNodeModel();

    protected abstract int getNrNodeViews();

    protected final String getNodeViewName(final int index) {
        throw na();
    }

    public abstract NodeView<T> createNodeView(int viewIndex, T nodeModel);

    protected abstract boolean hasDialog();

    protected abstract NodeDialogPane createNodeDialogPane();

    public URL getIcon() {
        throw na();
    }

    public NodeType getType() {
        throw na();
    }
}
