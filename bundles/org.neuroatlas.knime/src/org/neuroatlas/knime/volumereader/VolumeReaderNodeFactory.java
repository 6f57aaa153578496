package org.neuroatlas.knime.volumereader;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Volume Reader: volume headers → volume table (no voxels are loaded). */
public final class VolumeReaderNodeFactory extends NodeFactory<VolumeReaderNodeModel> {

    @Override
    public VolumeReaderNodeModel createNodeModel() {
        return new VolumeReaderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<VolumeReaderNodeModel> createNodeView(int viewIndex, VolumeReaderNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("no views");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new VolumeReaderNodeDialog();
    }
}
