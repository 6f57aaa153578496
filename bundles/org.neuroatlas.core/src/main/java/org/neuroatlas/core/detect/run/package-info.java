/**
 * Running the cell detector for a user: the options as typed on the command line or in the Cell Detector node's
 * dialog ({@link org.neuroatlas.core.detect.run.DetectionOptions}), the volumes of a volume table to detect in
 * ({@link org.neuroatlas.core.detect.run.VolumeRow}), and one run per sample with its cells-table and summary rows
 * ({@link org.neuroatlas.core.detect.run.DetectionRun}). The CLI and the node both go through here, so they
 * accept the same values, give the same messages and output the same columns.
 */
package org.neuroatlas.core.detect.run;
