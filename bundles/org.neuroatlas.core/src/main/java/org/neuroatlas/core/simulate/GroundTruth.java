package org.neuroatlas.core.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neuroatlas.core.atlas.Hemisphere;
import org.neuroatlas.core.atlas.Ontology;
import org.neuroatlas.core.atlas.Structure;
import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.TableSchema;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * The known answers for one simulated brain, as tables: every cell in the image ({@link #CELLS}), and per region ×
 * hemisphere the true counts, densities and fibre fractions ({@link #REGIONS}, long format, regions with their
 * descendants, {@code both} = left + right).
 */
public final class GroundTruth {

    public static final TableSchema CELLS = TableSchema.of(
            Column.string("sample_id", "Brain the cell belongs to"),
            Column.integer("cell_id", "Cell number within the brain, 1-based, in placement order"),
            Column.real("x_um", "Cell centre in the written volume, µm: column × voxel x (voxel centres at integer indices)"),
            Column.real("y_um", "Cell centre, µm: row × voxel y"),
            Column.real("z_um", "Cell centre, µm: plane × voxel z"),
            Column.real("atlas_x_um", "Cell centre in atlas space, µm along AP (atlas x)"),
            Column.real("atlas_y_um", "Cell centre in atlas space, µm along DV (atlas y)"),
            Column.real("atlas_z_um", "Cell centre in atlas space, µm along LR (atlas z)"),
            Column.integer("region_id", "Atlas structure id at the cell's atlas position (finest level)"),
            Column.string("acronym", "Acronym of region_id"),
            Column.string("hemisphere", "left or right (BrainGlobe convention)"),
            Column.real("diameter_um", "Equivalent soma diameter 2·(abc)^⅓, µm"),
            Column.real("brightness", "Peak soma brightness, expected photo-electrons per voxel before blur and shading"));

    public static final TableSchema REGIONS = TableSchema.of(
            Column.string("sample_id", "Brain"),
            Column.string("group", "Experimental group"),
            Column.real("dose_mg_kg", "Dose, mg/kg"),
            Column.integer("region_id", "Atlas structure id"),
            Column.string("acronym", "Structure acronym"),
            Column.string("hemisphere", "left, right or both"),
            Column.real("region_volume_mm3", "Volume of the region with its descendants in the atlas, mm³"),
            Column.longInt("cells", "True number of cells in the region with its descendants, whole brain"),
            Column.longInt("cells_own", "True number of cells labelled exactly region_id, whole brain"),
            Column.real("cells_per_mm3", "cells / region_volume_mm3"),
            Column.longInt("cells_in_image", "True cells of the region whose centre lies in the written volume"),
            Column.real("fibre_fraction_target", "Scenario fibre volume fraction for this animal, averaged over the region's atlas voxels"),
            Column.real("fibre_fraction", "Fibre volume fraction as rendered in the written volume (empty if none of the region was imaged)"),
            Column.longInt("imaged_voxels", "Voxels of the written volume that map into the region"),
            Column.string("atlas", "Atlas identity key"));

    private GroundTruth() {
    }

    /** Rows of {@link #CELLS} for the cells whose centre lies inside the written sub-box {@code box} of the whole volume. */
    static List<Object[]> cellRows(String sampleId, List<TrueCell> cells, long[] box, VoxelSize voxel, Ontology ontology) {
        List<Object[]> rows = new ArrayList<>();
        for (TrueCell c : cells) {
            if (!inBox(c, box, voxel)) {
                continue;
            }
            Soma s = c.soma();
            rows.add(new Object[] {sampleId, c.id(), s.xUm() - box[0] * voxel.xUm(), s.yUm() - box[1] * voxel.yUm(), s.zUm() - box[2] * voxel.zUm(),
                c.atlasXUm(), c.atlasYUm(), c.atlasZUm(), c.regionId(), acronym(ontology, c.regionId()), c.hemisphere().label(), c.diameterUm(),
                s.brightness()});
        }
        return rows;
    }

    /** Whether the cell's centre lies within the sub-box's voxels (centre ± half a voxel). */
    static boolean inBox(TrueCell c, long[] box, VoxelSize voxel) {
        double[] p = {c.soma().xUm(), c.soma().yUm(), c.soma().zUm()};
        for (int d = 0; d < 3; d++) {
            double index = p[d] / voxel.um(d);
            if (index < box[d] - 0.5 || index >= box[d] + box[d + 3] - 0.5) {
                return false;
            }
        }
        return true;
    }

    private static String acronym(Ontology ontology, int id) {
        return ontology.byId(id).map(Structure::acronym).orElse("");
    }

    /**
     * Rows of {@link #REGIONS}: one per structure with atlas voxels × (left, right, both).
     *
     * @param stats rendered fibre statistics of the written volume
     */
    static List<Object[]> regionRows(String sampleId, String group, double doseMgKg, AtlasRaster raster, Ontology ontology, AnimalDensities densities,
            List<TrueCell> cells, long[] box, VoxelSize voxel, BrainRenderer.PlaneStats stats, String atlasKey) {
        int n = raster.labelCount();
        long[][] atlasVoxels = new long[2][n];
        int[] d = raster.dims();
        for (int z = 0; z < d[2]; z++) {
            for (int y = 0; y < d[1]; y++) {
                for (int x = 0; x < d[0]; x++) {
                    int label = raster.labelIndexAt(x, y, z);
                    if (label != 0) {
                        atlasVoxels[raster.hemisphereAt(x, y, z) == Hemisphere.LEFT ? 0 : 1][label]++;
                    }
                }
            }
        }
        long[][] cellsOwn = new long[2][n];
        long[][] cellsInImage = new long[2][n];
        for (TrueCell c : cells) {
            int side = c.hemisphere() == Hemisphere.LEFT ? 0 : 1;
            cellsOwn[side][c.labelIndex()]++;
            if (inBox(c, box, voxel)) {
                cellsInImage[side][c.labelIndex()]++;
            }
        }
        double voxelMm3 = raster.voxelUm().voxelVolumeMm3();
        // Per side (left, right, both): own values per structure id, rolled up to every ancestor.
        List<Map<Integer, Double>> vox = new ArrayList<>();
        List<Map<Integer, Double>> own = new ArrayList<>();
        List<Map<Integer, Double>> cellsUp = new ArrayList<>();
        List<Map<Integer, Double>> imageUp = new ArrayList<>();
        List<Map<Integer, Double>> targetUp = new ArrayList<>();
        List<Map<Integer, Double>> coverageUp = new ArrayList<>();
        List<Map<Integer, Double>> imagedUp = new ArrayList<>();
        for (int side = 0; side <= 2; side++) {
            Map<Integer, Double> v = new HashMap<>();
            Map<Integer, Double> o = new HashMap<>();
            Map<Integer, Double> image = new HashMap<>();
            Map<Integer, Double> target = new HashMap<>();
            Map<Integer, Double> coverage = new HashMap<>();
            Map<Integer, Double> imaged = new HashMap<>();
            for (int label = 1; label < n; label++) {
                int id = raster.labelId(label);
                if (ontology.byId(id).isEmpty()) {
                    continue; // labels the ontology lacks cannot be rolled up; atlas validation reports them
                }
                double voxels = pick(atlasVoxels, side, label);
                v.put(id, voxels);
                o.put(id, pick(cellsOwn, side, label));
                image.put(id, pick(cellsInImage, side, label));
                target.put(id, voxels * densities.fibreFraction[label]);
                coverage.put(id, side == 2 ? stats.fibreCoverage[0][label] + stats.fibreCoverage[1][label] : stats.fibreCoverage[side][label]);
                imaged.put(id, pick(stats.voxels, side, label));
            }
            vox.add(ontology.rollUp(v));
            own.add(o);
            cellsUp.add(ontology.rollUp(o));
            imageUp.add(ontology.rollUp(image));
            targetUp.add(ontology.rollUp(target));
            coverageUp.add(ontology.rollUp(coverage));
            imagedUp.add(ontology.rollUp(imaged));
        }
        List<Object[]> rows = new ArrayList<>();
        for (Structure s : ontology.structures()) {
            for (int side = 0; side <= 2; side++) {
                double v = vox.get(side).get(s.id());
                if (v == 0) {
                    continue;
                }
                double volume = v * voxelMm3;
                long count = Math.round(cellsUp.get(side).get(s.id()));
                long imagedVoxels = Math.round(imagedUp.get(side).get(s.id()));
                rows.add(new Object[] {sampleId, group, doseMgKg, s.id(), s.acronym(), side == 0 ? "left" : side == 1 ? "right" : "both", volume,
                    count, Math.round(own.get(side).getOrDefault(s.id(), 0.0)), count / volume, Math.round(imageUp.get(side).get(s.id())),
                    targetUp.get(side).get(s.id()) / v, imagedVoxels == 0 ? null : coverageUp.get(side).get(s.id()) / imagedVoxels, imagedVoxels,
                    atlasKey});
            }
        }
        return rows;
    }

    private static double pick(long[][] perSide, int side, int label) {
        return side == 2 ? perSide[0][label] + perSide[1][label] : perSide[side][label];
    }
}
