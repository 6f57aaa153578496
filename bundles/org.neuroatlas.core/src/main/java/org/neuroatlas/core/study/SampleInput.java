package org.neuroatlas.core.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.ReadOptions;

/**
 * What the pipeline needs of one brain: its identity and group, the stained (signal) volume cells are detected in,
 * the autofluorescence volume that is registered to the atlas, and where the signal volume lies in the
 * autofluorescence volume's µm frame.
 * <p>
 * The offset exists because a lab may image the stained channel only around the regions of interest, at high
 * resolution, and the whole brain's autofluorescence at a coarse one (the demo does this): a cell at
 * {@code x_um} in the signal volume is at {@code x_um + signalOffsetUm[0]} in the autofluorescence volume, whose
 * frame the registration's transform starts from. For two channels of one acquisition the offset is zero.
 *
 * @param sampleId             sample id
 * @param group                experimental group
 * @param doseMgKg             dose in mg/kg ({@code NaN} if not given)
 * @param signal               the stained channel's volume
 * @param signalRead           how to open it (voxel size, orientation overrides)
 * @param autofluorescence     the autofluorescence channel's volume
 * @param autofluorescenceRead how to open it
 * @param signalOffsetUm       position of the signal volume's first voxel centre in the autofluorescence volume's
 *                             frame, µm (x, y, z)
 */
public record SampleInput(String sampleId, String group, double doseMgKg, Path signal, ReadOptions signalRead, Path autofluorescence,
        ReadOptions autofluorescenceRead, double[] signalOffsetUm) {

    public SampleInput {
        if (signalOffsetUm.length != 3) {
            throw new IllegalArgumentException("signalOffsetUm needs x, y, z");
        }
        signalOffsetUm = signalOffsetUm.clone();
    }

    @Override
    public double[] signalOffsetUm() {
        return signalOffsetUm.clone();
    }

    /**
     * One input per sample of a sheet with {@code signal_path} and {@code autofluorescence_path}, the channels
     * sharing one frame (offset zero) and the sheet's voxel size and orientation.
     *
     * @throws InputException naming the sheet's missing channel column
     */
    public static List<SampleInput> fromSheet(SampleSheet sheet, Path sheetFile) {
        List<SampleInput> inputs = new ArrayList<>();
        for (Sample s : sheet.samples()) {
            ReadOptions read = ReadOptions.defaults();
            read = s.voxelSizeUm().map(read::withVoxelSize).orElse(read);
            read = s.orientation().map(read::withOrientation).orElse(read);
            inputs.add(new SampleInput(s.sampleId(), s.group(), s.doseMgKg(), channel(s, SampleSheet.SIGNAL, sheetFile), read,
                    channel(s, SampleSheet.AUTOFLUORESCENCE, sheetFile), read, new double[3]));
        }
        return inputs;
    }

    private static Path channel(Sample s, String channel, Path sheetFile) {
        Path p = s.channels().get(channel);
        if (p == null) {
            throw InputException.file(sheetFile, "has no " + channel + SampleSheet.PATH_SUFFIX + " for sample " + s.sampleId(),
                    "The pipeline needs a " + SampleSheet.SIGNAL + SampleSheet.PATH_SUFFIX + " (cells) and an " + SampleSheet.AUTOFLUORESCENCE
                            + SampleSheet.PATH_SUFFIX + " (registration) column");
        }
        return p;
    }
}
