package org.neuroatlas.knime.volumereader;

import org.knime.core.node.NodeDialogPane;
import org.neuroatlas.knime.common.DialogNodeFactory;

/** Volume Reader: volume headers → volume table (no voxels are loaded). */
public final class VolumeReaderNodeFactory extends DialogNodeFactory<VolumeReaderNodeModel> {

    @Override
    public VolumeReaderNodeModel createNodeModel() {
        return new VolumeReaderNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new VolumeReaderNodeDialog();
    }
}
