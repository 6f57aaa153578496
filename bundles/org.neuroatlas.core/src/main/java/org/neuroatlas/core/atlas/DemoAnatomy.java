package org.neuroatlas.core.atlas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The made-up anatomy behind {@link DemoAtlas}: a table of real CCF structures (ids, acronyms, names, parents and
 * colours as in Allen's 2017 ontology) with simple shapes, and the rule that turns a position into the finest label.
 * <p>
 * Positions are in mm: {@code ap} from the anterior face of the volume, {@code dv} from the dorsal face, {@code ml}
 * from the midline. Shapes only see {@code |ml|}, so the anatomy is exactly bilaterally symmetric. The shapes are
 * tilted ellipsoids whose centres, extents and tilts were chosen by looking at the real CCF 2017 annotation
 * (per-region means and spreads, rounded, then scaled until the volumes below were reached); nothing is read from any
 * file at run time, and the result is coarse blobs, not the CCF's boundaries.
 * <p>
 * Labelling descends the tree from the root: inside the brain envelope, a region's territory is split among its
 * children according to the region's {@link Mode}; a voxel keeps the deepest region it reaches, so some voxels carry
 * intermediate labels (HY, TH, MB, STR, …) as in the real atlas.
 */
final class DemoAnatomy {

    /** How a region's territory is divided among its children. */
    enum Mode {
        /** No children. */
        LEAF,
        /** Each child claims the points inside its shape (nearest shape, in normalised distance, where they overlap); the
         * rest goes to the child marked REST, or stays with the region. */
        NEST,
        /** Every point goes to the child with the nearest shape (normalised distance), so the children tile the region. */
        TILE,
        /** The first child (in table order) whose shape contains the point wins; otherwise the nearest one. */
        FIRST,
        /** Cortical areas: each point goes to the child whose direction (seen from the centre of the telencephalon) is
         * closest, plus a per-area bias; the areas are radial columns through the cortical sheet. */
        AREAS
    }

    private enum Kind {
        NONE, REST, UNION, ELLIPSOID, TELENCEPHALON, CALLOSAL_SHELL, AREA
    }

    /** One region: its ontology entry and its shape. */
    static final class Region {
        final int id;
        final int parentId;
        final String acronym;
        final String name;
        final String color;
        final Mode mode;
        private final Kind kind;
        private final double[] params;
        private Ellipsoid ellipsoid;
        Region parent;
        Region[] children = new Region[0];
        private Region rest;
        /** Position in {@link DemoAnatomy#regions()}. */
        int index;

        private Region(int id, int parentId, String acronym, String name, String color, Mode mode, Kind kind, double[] params) {
            this.id = id;
            this.parentId = parentId;
            this.acronym = acronym;
            this.name = name;
            this.color = color;
            this.mode = mode;
            this.kind = kind;
            this.params = params;
        }

        /** Whether this region or one of its ancestors has id {@code ancestorId}. */
        boolean isWithin(int ancestorId) {
            for (Region r = this; r != null; r = r.parent) {
                if (r.id == ancestorId) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Shape {
        final Kind kind;
        final double[] params;

        Shape(Kind kind, double... params) {
            this.kind = kind;
            this.params = params;
        }
    }

    private static final Mode LEAF = Mode.LEAF;
    private static final Mode NEST = Mode.NEST;
    private static final Mode TILE = Mode.TILE;
    private static final Mode FIRST = Mode.FIRST;
    private static final Mode AREAS = Mode.AREAS;
    private static final Shape NONE = new Shape(Kind.NONE);
    /** The parent's remainder: everything its other children do not claim. */
    private static final Shape REST = new Shape(Kind.REST);
    /** The union of the children's shapes. */
    private static final Shape UNION = new Shape(Kind.UNION);
    /** The cerebrum: the telencephalon and olfactory-bulb parts of the brain envelope. */
    private static final Shape TELENCEPHALON = new Shape(Kind.TELENCEPHALON);
    /** The corpus callosum: a thin dorsal arch over striatum and hippocampus (see {@link #SHELL}). */
    private static final Shape CALLOSAL_SHELL = new Shape(Kind.CALLOSAL_SHELL);

    /**
     * A tilted ellipsoid: centre (ap, dv, ml) in mm, half-extents along ap, dv, ml in mm (the axis-aligned bounding
     * box), and the correlations ap·dv, ap·ml, dv·ml of its axes (0 = not tilted). Its matrix is D·R·D with D the
     * half-extents and R the correlations.
     */
    private static Shape ell(double ap, double dv, double ml, double hAp, double hDv, double hMl, double rApDv, double rApMl,
            double rDvMl) {
        return new Shape(Kind.ELLIPSOID, ap, dv, ml, hAp, hDv, hMl, rApDv, rApMl, rDvMl);
    }

    /** A cortical area: unit direction (ap, dv, ml) from the telencephalon's centre, and a bias (bigger = larger area). */
    private static Shape area(double ap, double dv, double ml, double bias) {
        return new Shape(Kind.AREA, ap, dv, ml, bias);
    }

    private static Region r(int id, int parentId, String acronym, String name, String color, Mode mode, Shape shape) {
        return new Region(id, parentId, acronym, name, color, mode, shape.kind, shape.params);
    }

    /*
     * Intended volumes (mm³, both hemispheres, including descendants; at 100 µm the generated volumes are within a few
     * per cent of these, and resolution changes them by well under 10 %; the test checks ranges around them):
     *   whole brain 480 (the CCF's is about 505 including ventricles)
     *   CH 280, CTX 227 (Isocortex 128, OLF 47, HPF 43, CTXsp 9), CNU 54 (CP 26, ACB 4.5), BS 120 (TH 20, HY 15,
     *   MB 37, P 17, MY 31), CB 54, fibre tracts 20, ventricles 6
     *   PL 2.7, AUD 6.5, VIS 15
     *   VTA 0.50, SNc 0.30, RR 0.20, DR 0.21, ARH 0.28, PVH 0.18, DMH 0.39, ZI 1.8, MPN 0.40
     * Real CCF 2017 values for comparison: VTA 0.43, SNc 0.20, RR 0.13, DR 0.15, ARH 0.28, PVH 0.18, DMH 0.39,
     * ZI 1.8, MPN 0.40, CP 26, ACB 4.4, PL 2.4, AUD 5.8, VIS 13.5.
     * Children are listed after their parent, in the order their parent's Mode uses; grey lists BS before CB before CH
     * (FIRST), so the brain stem and cerebellum are carved out before the cerebrum takes the rest of the envelope.
     */
    private static final List<Region> TABLE = List.of(
            r(997, -1, "root", "root", "FFFFFF", NEST, NONE),
            r(73, 997, "VS", "ventricular systems", "AAAAAA", NEST, UNION),
            r(81, 73, "VL", "lateral ventricle", "AAAAAA", LEAF, ell(7.17, 3.63, 1.59, 1.44, 0.67, 0.65, 0.65, 0.2, 0.38)),
            r(129, 73, "V3", "third ventricle", "AAAAAA", LEAF, ell(6.47, 4.28, 0.17, 0.71, 1.3, 0.17, -0.15, -0.42, -0.27)),
            r(145, 73, "V4", "fourth ventricle", "AAAAAA", LEAF, ell(11.49, 4.78, 1.29, 0.44, 0.49, 1, 0.36, 0.33, 0.72)),
            r(1009, 997, "fiber tracts", "fiber tracts", "CCCCCC", NEST, UNION),
            r(983, 1009, "lfbs", "lateral forebrain bundle system", "CCCCCC", NEST, UNION),
            r(776, 983, "cc", "corpus callosum", "CCCCCC", LEAF, CALLOSAL_SHELL),
            r(784, 983, "cst", "corticospinal tract", "CCCCCC", NEST, UNION),
            r(6, 784, "int", "internal capsule", "CCCCCC", LEAF, ell(6.7, 4.7, 2.17, 0.87, 1.01, 0.67, 0.57, 0.39, -0.41)),
            r(924, 784, "cpd", "cerebal peduncle", "CCCCCC", LEAF, ell(8.34, 5.51, 1.69, 0.57, 0.62, 0.74, -0.01, -0.39, -0.81)),
            r(960, 1009, "cbf", "cerebellum related fiber tracts", "CCCCCC", LEAF, ell(11.29, 4.13, 1.8, 1.06, 1.35, 1.01, -0.48, -0.22, 0.29)),
            r(8, 997, "grey", "Basic cell groups and regions", "BFDAE3", FIRST, REST),
            r(343, 8, "BS", "Brain stem", "FF7080", TILE, UNION),
            r(1129, 343, "IB", "Interbrain", "FF7080", TILE, UNION),
            r(549, 1129, "TH", "Thalamus", "FF7080", NEST, ell(7.06, 4.07, 1.26, 1.64, 1.5, 1.79, -0.29, 0.49, -0.3)),
            r(864, 549, "DORsm", "Thalamus sensory-motor cortex related", "FF8084", NEST, UNION),
            r(637, 864, "VENT", "Ventral group of the dorsal thalamus", "FF8084", NEST, UNION),
            r(709, 637, "VP", "Ventral posterior complex of the thalamus", "FF8084", NEST, UNION),
            r(733, 709, "VPM", "Ventral posteromedial nucleus of the thalamus", "FF8084", LEAF, ell(7.12, 4.2, 1.78, 0.72, 0.79, 0.68, -0.23, 0.2, -0.69)),
            r(856, 549, "DORpm", "Thalamus polymodal association cortex related", "FF909F", NEST, UNION),
            r(444, 856, "MED", "Medial group of the dorsal thalamus", "FF909F", NEST, UNION),
            r(362, 444, "MD", "Mediodorsal nucleus of thalamus", "FF909F", LEAF, ell(6.81, 3.96, 0.46, 0.81, 0.6, 0.45, 0.27, 0.16, -0.14)),
            r(958, 856, "EPI", "Epithalamus", "FF909F", NEST, UNION),
            r(186, 958, "LH", "Lateral habenula", "FF909F", LEAF, ell(7.03, 3.27, 0.46, 0.6, 0.3, 0.27, -0.39, 0.11, -0.1)),
            r(1097, 1129, "HY", "Hypothalamus", "E64438", NEST, ell(6.69, 6.06, 0.78, 1.82, 1.29, 1.09, -0.27, 0.22, -0.48)),
            r(157, 1097, "PVZ", "Periventricular zone", "FF5D50", NEST, UNION),
            r(223, 157, "ARH", "Arcuate hypothalamic nucleus", "FF5D50", LEAF, ell(7, 7.11, 0.22, 1.87, 0.75, 0.8, -0.32, 0.15, 0.38)),
            r(38, 157, "PVH", "Paraventricular hypothalamic nucleus", "FF5D50", LEAF, ell(6.12, 5.71, 0.18, 0.44, 0.34, 0.21, 0.51, 0.11, -0.23)),
            r(141, 1097, "PVR", "Periventricular region", "FF5547", NEST, UNION),
            r(830, 141, "DMH", "Dorsomedial nucleus of the hypothalamus", "FF5547", LEAF, ell(7.09, 6.23, 0.35, 0.4, 0.52, 0.35, 0.67, -0.2, -0.19)),
            r(523, 141, "MPO", "Medial preoptic area", "FF5547", LEAF, ell(5.31, 6.24, 0.55, 0.59, 0.53, 0.45, 0, 0.67, 0.29)),
            r(467, 1097, "MEZ", "Hypothalamic medial zone", "FF4C3E", NEST, UNION),
            r(515, 467, "MPN", "Medial preoptic nucleus", "FF4C3E", LEAF, ell(5.57, 6.22, 0.33, 0.45, 0.58, 0.3, -0.53, 0.08, 0)),
            r(693, 467, "VMH", "Ventromedial hypothalamic nucleus", "FF4C3E", LEAF, ell(6.86, 6.77, 0.45, 0.59, 0.46, 0.45, 0.22, 0.2, 0.26)),
            r(290, 1097, "LZ", "Hypothalamic lateral zone", "F2483B", NEST, UNION),
            r(797, 290, "ZI", "Zona incerta", "F2483B", LEAF, ell(7.41, 4.99, 1.56, 1.43, 0.9, 1.31, -0.73, 0.61, -0.84)),
            r(194, 290, "LHA", "Lateral hypothalamic area", "F2483B", LEAF, ell(6.71, 6.03, 1.22, 1.15, 0.56, 0.47, -0.02, -0.43, 0.11)),
            r(313, 343, "MB", "Midbrain", "FF64FF", NEST, ell(9.21, 3.32, 0.97, 1.84, 2.51, 1.26, -0.51, 0.07, 0.12)),
            r(339, 313, "MBsen", "Midbrain sensory related", "FF7AFF", NEST, UNION),
            r(302, 339, "SCs", "Superior colliculus sensory related", "FF7AFF", LEAF, ell(9.26, 1.61, 0.7, 1.14, 0.63, 1.01, -0.66, 0, 0.34)),
            r(4, 339, "IC", "Inferior colliculus", "FF7AFF", LEAF, ell(10.43, 2.18, 1.27, 0.81, 1.27, 1.1, -0.59, -0.57, 0.58)),
            r(323, 313, "MBmot", "Midbrain motor related", "FF90FF", NEST, UNION),
            r(749, 323, "VTA", "Ventral tegmental area", "FF90FF", LEAF, ell(8.37, 5.2, 0.75, 0.44, 0.44, 0.46, -0.58, -0.29, 0.27)),
            r(381, 323, "SNr", "Substantia nigra reticular part", "FF90FF", LEAF, ell(8.49, 5.22, 1.66, 0.97, 0.98, 0.97, -0.56, 0.04, -0.6)),
            r(246, 323, "RR", "Midbrain reticular nucleus retrorubral area", "FF90FF", LEAF, ell(9.05, 4.63, 1.15, 0.36, 0.47, 0.41, -0.83, 0.41, -0.39)),
            r(795, 323, "PAG", "Periaqueductal gray", "FF90FF", LEAF, ell(9.38, 3.17, 0.4, 1.58, 1.04, 0.52, -0.44, 0.43, -0.06)),
            r(128, 323, "MRN", "Midbrain reticular nucleus", "FF90FF", LEAF, ell(9, 3.97, 1.03, 1.09, 0.82, 0.88, -0.19, -0.01, -0.24)),
            r(294, 323, "SCm", "Superior colliculus motor related", "FF90FF", LEAF, ell(9.19, 2.39, 0.93, 1.15, 0.99, 1.16, -0.55, -0.15, 0.5)),
            r(348, 313, "MBsta", "Midbrain behavioral state related", "FF90FF", NEST, UNION),
            r(374, 348, "SNc", "Substantia nigra compact part", "FFA6FF", LEAF, ell(8.42, 5.16, 1.4, 0.77, 0.66, 0.57, -0.54, -0.08, -0.7)),
            r(1052, 348, "PPN", "Pedunculopontine nucleus", "FFA6FF", LEAF, ell(9.73, 4.32, 1.28, 0.54, 0.58, 0.63, -0.29, -0.23, -0.07)),
            r(165, 348, "RAmb", "Midbrain raphe nuclei", "FFA6FF", NEST, UNION),
            r(872, 165, "DR", "Dorsal nucleus raphe", "FFA6FF", LEAF, ell(9.87, 3.85, 0.07, 0.64, 0.88, 0.15, 0.63, -0.18, -0.21)),
            r(1065, 343, "HB", "Hindbrain", "FF9B88", TILE, UNION),
            r(771, 1065, "P", "Pons", "FF9B88", TILE, ell(9.92, 5.58, 1.05, 1.12, 1.73, 1.33, -0.42, 0.14, -0.05)),
            r(1132, 771, "P-sen", "Pons sensory related", "FFAE6F", LEAF, ell(10.09, 5.47, 1.67, 0.15, 0.19, 0.15, -0.34, 0, -0.2)),
            r(987, 771, "P-mot", "Pons motor related", "FFBA86", NEST, ell(9.98, 5.73, 0.78, 0.15, 0.18, 0.15, -0.61, 0.06, -0.1)),
            r(931, 987, "PG", "Pontine gray", "FFBA86", LEAF, ell(9.01, 6.44, 0.64, 0.63, 0.89, 1.2, 0.61, -0.03, 0.03)),
            r(1117, 771, "P-sat", "Pons behavioral state related", "FFC395", LEAF, ell(9.69, 5.23, 0.72, 0.15, 0.15, 0.15, -0.49, -0.2, 0.22)),
            r(354, 1065, "MY", "Medulla", "FF9BCD", TILE, ell(11.78, 6.01, 1.19, 1.69, 1.62, 1.5, 0.08, -0.17, -0.15)),
            r(386, 354, "MY-sen", "Medulla sensory related", "FFA5D2", LEAF, ell(11.96, 5.72, 1.79, 0.3, 0.18, 0.23, -0.11, -0.49, 0.24)),
            r(370, 354, "MY-mot", "Medulla motor related", "FFB3D9", LEAF, ell(11.69, 6.02, 0.95, 0.29, 0.32, 0.2, 0.21, -0.13, -0.06)),
            r(379, 354, "MY-sat", "Medulla behavioral state related", "FFC6E2", LEAF, ell(11.32, 6.72, 0.05, 0.16, 0.15, 0.15, 0.34, 0, 0)),
            r(512, 8, "CB", "Cerebellum", "F0F080", NEST, ell(11.72, 3.44, 2.02, 1.71, 2.66, 2.74, -0.1, -0.31, 0.47)),
            r(519, 512, "CBN", "Cerebellar nuclei", "F0F080", LEAF, ell(11.56, 3.98, 1.68, 0.81, 0.77, 1.71, -0.49, -0.5, 0.61)),
            r(528, 512, "CBX", "Cerebellar cortex", "F0F080", TILE, REST),
            r(645, 528, "VERM", "Vermal regions", "FFFC91", LEAF, ell(11.82, 2.94, 0.79, 1.78, 2.25, 1.35, 0.13, -0.36, 0.09)),
            r(1073, 528, "HEM", "Hemispheric regions", "FFFC91", LEAF, ell(11.69, 3.71, 2.84, 1.36, 2.2, 1.4, -0.16, -0.49, 0.53)),
            r(567, 8, "CH", "Cerebrum", "B0F0FF", NEST, TELENCEPHALON),
            r(623, 567, "CNU", "Cerebral nuclei", "98D6F9", TILE, ell(5.31, 5.02, 1.87, 2.01, 2.57, 1.99, -0.15, 0.6, -0.14)),
            r(477, 623, "STR", "Striatum", "98D6F9", NEST, ell(5.28, 4.89, 1.96, 2.15, 2.69, 2.08, -0.14, 0.64, -0.1)),
            r(485, 477, "STRd", "Striatum dorsal region", "98D6F9", NEST, UNION),
            r(672, 485, "CP", "Caudoputamen", "98D6F9", LEAF, ell(5.39, 4.26, 2.35, 1.83, 1.71, 1.64, -0.14, 0.71, 0.11)),
            r(493, 477, "STRv", "Striatum ventral region", "80CDF8", NEST, UNION),
            r(56, 493, "ACB", "Nucleus accumbens", "80CDF8", LEAF, ell(4.29, 5.86, 1.21, 1.02, 1.23, 1.3, 0.35, 0.48, 0.4)),
            r(754, 493, "OT", "Olfactory tubercle", "80CDF8", LEAF, ell(4.44, 6.96, 1.58, 3.1, 1.6, 3.43, 0.67, 0.49, 0.18)),
            r(275, 477, "LSX", "Lateral septal complex", "90CBED", NEST, UNION),
            r(242, 275, "LS", "Lateral septal nucleus", "90CBED", LEAF, ell(4.91, 4.14, 0.48, 1.3, 2.21, 0.7, -0.73, 0.24, -0.04)),
            r(278, 477, "sAMY", "Striatum-like amygdalar nuclei", "80C0E2", NEST, UNION),
            r(536, 278, "CEA", "Central amygdalar nucleus", "80C0E2", LEAF, ell(6.64, 5.71, 2.66, 0.99, 0.71, 0.78, -0.47, 0.56, -0.46)),
            r(803, 623, "PAL", "Pallidum", "8599CC", NEST, ell(5.49, 5.65, 1.42, 1.96, 2.28, 1.93, -0.51, 0.63, -0.05)),
            r(818, 803, "PALd", "Pallidum dorsal region", "8599CC", NEST, UNION),
            r(1022, 818, "GPe", "Globus pallidus external segment", "8599CC", LEAF, ell(6.18, 4.81, 2.27, 1.42, 1.3, 1.6, -0.25, 0.91, -0.28)),
            r(835, 803, "PALv", "Pallidum ventral region", "A2B1D8", NEST, UNION),
            r(342, 835, "SI", "Substantia innominata", "A2B1D8", LEAF, ell(5.05, 6.31, 1.53, 1.5, 0.87, 1.08, -0.65, 0.58, -0.15)),
            r(826, 803, "PALm", "Pallidum medial region", "96A7D3", NEST, UNION),
            r(904, 826, "MSC", "Medial septal complex", "96A7D3", NEST, UNION),
            r(564, 904, "MS", "Medial septal nucleus", "96A7D3", LEAF, ell(4.82, 5.03, 0.09, 1.52, 3.28, 0.37, -0.49, 0.2, 0.02)),
            r(809, 803, "PALc", "Pallidum caudal region", "B3C0DF", NEST, UNION),
            r(351, 809, "BST", "Bed nuclei of the stria terminalis", "B3C0DF", LEAF, ell(5.41, 5.23, 0.91, 0.81, 1.15, 0.57, -0.1, 0.18, -0.27)),
            r(688, 567, "CTX", "Cerebral cortex", "B0FFB8", NEST, REST),
            r(703, 688, "CTXsp", "Cortical subplate", "8ADA87", NEST, ell(6.76, 5.89, 3.13, 2.54, 1.16, 1.1, 0.39, 0.45, -0.2)),
            r(295, 703, "BLA", "Basolateral amygdalar nucleus", "9DE79C", LEAF, ell(7.26, 6.08, 3.3, 1.06, 0.8, 0.39, -0.08, 0.44, -0.08)),
            r(695, 688, "CTXpl", "Cortical plate", "70FF70", NEST, REST),
            r(698, 695, "OLF", "Olfactory areas", "9AD2BD", NEST, ell(3.62, 5.3, 1.82, 5.32, 2.47, 2.76, 0.78, 0.84, 0.63)),
            r(507, 698, "MOB", "Main olfactory bulb", "9AD2BD", LEAF, ell(1.42, 4.44, 0.87, 1.25, 2.04, 1.1, 0.26, -0.18, -0.16)),
            r(159, 698, "AON", "Anterior olfactory nucleus", "54BF94", LEAF, ell(2.86, 5.2, 1.06, 0.94, 1.24, 0.87, 0.51, -0.38, -0.21)),
            r(961, 698, "PIR", "Piriform area", "6ACBBA", LEAF, ell(5.66, 6.1, 3.36, 3.28, 1.2, 1.72, 0.45, 0.87, 0.25)),
            r(1089, 695, "HPF", "Hippocampal formation", "7ED04B", TILE, ell(8.55, 3.72, 2.93, 2.04, 2.72, 2.28, 0.37, 0.62, 0.59)),
            r(1080, 1089, "HIP", "Hippocampal region", "7ED04B", TILE, ell(7.97, 3.38, 2.49, 1.9, 3.08, 2.5, 0.54, 0.73, 0.5)),
            r(375, 1080, "CA", "Ammon's horn", "7ED04B", LEAF, ell(7.94, 3.41, 2.66, 1.64, 3.07, 2.29, 0.56, 0.76, 0.52)),
            r(726, 1080, "DG", "Dentate gyrus", "7ED04B", LEAF, ell(8.11, 3.32, 2.1, 1.91, 2.48, 2.06, 0.57, 0.88, 0.46)),
            r(822, 1089, "RHP", "Retrohippocampal region", "32B825", NEST, ell(9.29, 4.16, 3.5, 1.32, 2.53, 1.85, -0.21, 0.02, 0.6)),
            r(909, 822, "ENT", "Entorhinal area", "32B825", LEAF, ell(9.35, 4.63, 4, 1.64, 2.15, 1.24, -0.59, -0.5, 0.2)),
            r(315, 695, "Isocortex", "Isocortex", "70FF71", AREAS, REST),
            r(500, 315, "MO", "Somatomotor areas", "1F9D5A", AREAS, area(-0.698, -0.704, 0.131, -0.045)),
            r(985, 500, "MOp", "Primary motor area", "1F9D5A", LEAF, area(-0.634, -0.699, 0.33, 0.001)),
            r(993, 500, "MOs", "Secondary motor area", "1F9D5A", LEAF, area(-0.728, -0.685, -0.038, -0.007)),
            r(453, 315, "SS", "Somatosensory areas", "188064", AREAS, area(-0.073, -0.613, 0.787, -0.015)),
            r(322, 453, "SSp", "Primary somatosensory area", "188064", LEAF, area(-0.107, -0.766, 0.633, 0.058)),
            r(378, 453, "SSs", "Supplemental somatosensory area", "188064", LEAF, area(0.024, -0.122, 0.992, -0.14)),
            r(247, 315, "AUD", "Auditory areas", "019399", AREAS, area(0.496, -0.202, 0.845, -0.326)),
            r(1002, 247, "AUDp", "Primary auditory area", "019399", LEAF, area(0.503, -0.207, 0.839, 0)),
            r(1011, 247, "AUDd", "Dorsal auditory area", "019399", LEAF, area(0.421, -0.366, 0.83, 0.046)),
            r(1018, 247, "AUDv", "Ventral auditory area", "019399", LEAF, area(0.47, -0.026, 0.882, -0.052)),
            r(669, 315, "VIS", "Visual areas", "08858C", AREAS, area(0.791, -0.611, -0.034, -0.092)),
            r(385, 669, "VISp", "Primary visual area", "08858C", LEAF, area(0.747, -0.646, -0.158, -0.085)),
            r(409, 669, "VISl", "Lateral visual area", "08858C", LEAF, area(0.828, -0.488, 0.277, -0.262)),
            r(533, 669, "VISpm", "posteromedial visual area", "08858C", LEAF, area(0.525, -0.748, -0.406, -0.109)),
            r(22, 315, "PTLp", "Posterior parietal association areas", "009FAC", LEAF, area(0.428, -0.903, 0.041, -0.26)),
            r(254, 315, "RSP", "Retrosplenial area", "1AA698", LEAF, area(0.379, -0.622, -0.685, -0.181)),
            r(31, 315, "ACA", "Anterior cingulate area", "40A666", LEAF, area(-0.409, -0.572, -0.712, -0.273)),
            r(972, 315, "PL", "Prelimbic area", "2FA850", LEAF, area(-0.78, -0.411, -0.472, -0.22)),
            r(44, 315, "ILA", "Infralimbic area", "59B363", LEAF, area(-0.716, -0.108, -0.69, -0.344)),
            r(714, 315, "ORB", "Orbital area", "248A5E", LEAF, area(-0.964, -0.131, -0.231, -0.132)),
            r(95, 315, "AI", "Agranular insular area", "219866", LEAF, area(-0.616, 0.318, 0.721, -0.374)),
            r(541, 315, "TEa", "Temporal association areas", "15B0B3", LEAF, area(0.614, 0.016, 0.789, -0.435)));

    /**
     * The brain's outline: a smooth union of five ellipsoids (telencephalon, olfactory bulbs, cerebellum, diencephalon
     * plus midbrain, hindbrain), in the {@link #ell} format. The first two also make up {@link #TELENCEPHALON}.
     */
    private static final double[][] ENVELOPE = {
            {6.11, 3.75, 2.45, 4.37, 3.64, 2.66, -0.15, 0.48, 0.18},
            {1.44, 4.41, 0.88, 1.21, 1.95, 1.05, 0.22, -0.15, -0.17},
            {11.72, 3.44, 2.02, 1.53, 2.36, 2.45, -0.1, -0.31, 0.47},
            {8.08, 4.1, 1.01, 3.13, 3.12, 1.42, -0.67, 0.09, -0.13},
            {11.13, 5.86, 1.14, 2.55, 1.8, 1.52, 0.16, 0.02, -0.09},
    };

    /** Width of the smooth union of the envelope ellipsoids, in units of their normalised radius. */
    private static final double SMOOTH = 0.12;

    /** Far enough outside every envelope ellipsoid to be outside the smooth union: 1 + SMOOTH·ln(5). */
    private static final double ENVELOPE_REJECT = 1 + SMOOTH * Math.log(ENVELOPE.length);

    /**
     * The corpus callosum: the points between normalised radius 0.95 and 1 of an axis-aligned ellipsoid centred on the
     * midline at (ap 6.3, dv 4.3) with half-axes 3.3 (ap), 3.0 (dv), 4.0 (ml) mm, dorsal to dv 4.0 and between
     * ap 4.2 and 8.8 mm.
     */
    private static final double[] SHELL = {6.3, 4.3, 0.0, 3.3, 3.0, 4.0, 0.95, 4.0, 4.2, 8.8};

    private static final DemoAnatomy INSTANCE = new DemoAnatomy();

    private final List<Region> regions;
    private final Region root;
    private final Ellipsoid[] ellipsoids;
    private final Ellipsoid[] envelope;
    private final double[] envelopeBox;
    /** Cholesky factor (lower) of the telencephalon ellipsoid's matrix, for the direction of cortical points. */
    private final double[] telCholesky;

    private DemoAnatomy() {
        regions = TABLE;
        Map<Integer, Region> byId = new HashMap<>();
        List<Ellipsoid> ells = new ArrayList<>();
        for (int i = 0; i < ENVELOPE.length; i++) {
            ells.add(new Ellipsoid(ells.size(), ENVELOPE[i]));
        }
        envelope = ells.toArray(new Ellipsoid[0]);
        Region rootRegion = null;
        Map<Region, List<Region>> children = new HashMap<>();
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            r.index = i;
            if (byId.put(r.id, r) != null) {
                throw new IllegalStateException("duplicate id " + r.id);
            }
            if (r.kind == Kind.ELLIPSOID) {
                r.ellipsoid = new Ellipsoid(ells.size(), r.params);
                ells.add(r.ellipsoid);
            }
            if (r.parentId == Structure.NO_PARENT) {
                rootRegion = r;
            } else {
                r.parent = byId.get(r.parentId);
                if (r.parent == null) {
                    throw new IllegalStateException("parent of " + r.acronym + " must be listed before it");
                }
                children.computeIfAbsent(r.parent, k -> new ArrayList<>()).add(r);
                if (r.kind == Kind.REST) {
                    r.parent.rest = r;
                }
            }
        }
        for (Map.Entry<Region, List<Region>> e : children.entrySet()) {
            e.getKey().children = e.getValue().toArray(new Region[0]);
        }
        root = rootRegion;
        ellipsoids = ells.toArray(new Ellipsoid[0]);
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Ellipsoid e : envelope) {
            for (int d = 0; d < 3; d++) {
                box[d] = Math.min(box[d], e.c[d] - ENVELOPE_REJECT * e.h[d]);
                box[3 + d] = Math.max(box[3 + d], e.c[d] + ENVELOPE_REJECT * e.h[d]);
            }
        }
        envelopeBox = box;
        telCholesky = cholesky(envelope[0].matrix);
    }

    static DemoAnatomy get() {
        return INSTANCE;
    }

    /** All regions, parents before children. */
    List<Region> regions() {
        return regions;
    }

    /** The regions as ontology entries (depth and path from the parent links), in table order. */
    List<Structure> structures() {
        List<Structure> out = new ArrayList<>(regions.size());
        for (Region r : regions) {
            List<Integer> path = new ArrayList<>();
            for (Region a = r; a != null; a = a.parent) {
                path.add(a.id);
            }
            Collections.reverse(path);
            out.add(new Structure(r.id, r.acronym, r.name, r.parentId, path.size() - 1, path, r.color));
        }
        return List.copyOf(out);
    }

    /** Per-thread scratch for {@link #locate}: caches each ellipsoid's value at the current point. */
    final class Probe {
        private final double[] q = new double[ellipsoids.length];
        private final long[] stamp = new long[ellipsoids.length];
        private long current;
        private double ap;
        private double dv;
        private double ml;
        private double radius;
        private boolean hasDirection;
        private final double[] direction = new double[3];
        private final double[] envelopeRadii = new double[envelope.length];

        /** Normalised radius of the point in the brain envelope: 0 deep inside, 1 on the surface; valid after locate. */
        double envelopeRadius() {
            return radius;
        }

        private double q(Ellipsoid e) {
            if (stamp[e.index] != current) {
                stamp[e.index] = current;
                q[e.index] = e.q(ap, dv, ml);
            }
            return q[e.index];
        }
    }

    Probe newProbe() {
        return new Probe();
    }

    /**
     * The finest region at a point, or null outside the brain.
     *
     * @param ap mm from the anterior face
     * @param dv mm from the dorsal face
     * @param ml mm from the midline, either side (only |ml| matters)
     */
    Region locate(Probe p, double ap, double dv, double ml) {
        p.current++;
        p.ap = ap;
        p.dv = dv;
        p.ml = Math.abs(ml);
        p.hasDirection = false;
        p.radius = Double.POSITIVE_INFINITY;
        if (ap < envelopeBox[0] || ap > envelopeBox[3] || dv < envelopeBox[1] || dv > envelopeBox[4] || p.ml > envelopeBox[5]) {
            return null;
        }
        double[] r = p.envelopeRadii;
        double rmin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < envelope.length; i++) {
            r[i] = Math.sqrt(p.q(envelope[i]));
            rmin = Math.min(rmin, r[i]);
        }
        if (rmin > ENVELOPE_REJECT) {
            return null;
        }
        double sum = 0;
        for (double ri : r) {
            sum += Math.exp(-(ri - rmin) / SMOOTH);
        }
        p.radius = rmin - SMOOTH * Math.log(sum);
        if (p.radius > 1) {
            return null;
        }
        Region node = root;
        while (true) {
            Region next = choose(node, p);
            if (next == null) {
                return node;
            }
            node = next;
        }
    }

    private Region choose(Region node, Probe p) {
        switch (node.mode) {
            case LEAF:
                return null;
            case AREAS: {
                double[] u = direction(p);
                Region best = null;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (Region c : node.children) {
                    double s = u[0] * c.params[0] + u[1] * c.params[1] + u[2] * c.params[2] + c.params[3];
                    if (s > bestScore) {
                        bestScore = s;
                        best = c;
                    }
                }
                return best;
            }
            default: {
                Region best = null;
                double bestQ = Double.POSITIVE_INFINITY;
                for (Region c : node.children) {
                    if (c.kind == Kind.REST || c.kind == Kind.NONE) {
                        continue;
                    }
                    double q = q(c, p);
                    if (node.mode == Mode.FIRST && q <= 1) {
                        return c;
                    }
                    if (q < bestQ) {
                        bestQ = q;
                        best = c;
                    }
                }
                if (best != null && (bestQ <= 1 || node.mode != Mode.NEST)) {
                    return best;
                }
                return node.rest;
            }
        }
    }

    /** Normalised squared distance of the point from a region's shape: ≤ 1 inside. */
    private double q(Region r, Probe p) {
        switch (r.kind) {
            case ELLIPSOID:
                return p.q(r.ellipsoid);
            case UNION: {
                double m = Double.POSITIVE_INFINITY;
                for (Region c : r.children) {
                    if (c.kind != Kind.REST && c.kind != Kind.NONE) {
                        m = Math.min(m, q(c, p));
                    }
                }
                return m;
            }
            case TELENCEPHALON:
                return Math.min(p.q(envelope[0]), p.q(envelope[1]));
            case CALLOSAL_SHELL: {
                double a = (p.ap - SHELL[0]) / SHELL[3];
                double b = (p.dv - SHELL[1]) / SHELL[4];
                double c = (p.ml - SHELL[2]) / SHELL[5];
                double rr = Math.sqrt(a * a + b * b + c * c);
                boolean inside = rr >= SHELL[6] && rr <= 1 && p.dv < SHELL[7] && p.ap > SHELL[8] && p.ap < SHELL[9];
                return inside ? 0 : Double.POSITIVE_INFINITY;
            }
            default:
                throw new IllegalStateException(r.acronym + " has no shape");
        }
    }

    /** Unit direction of the point from the telencephalon's centre, in the ellipsoid's own (whitened) frame. */
    private double[] direction(Probe p) {
        if (!p.hasDirection) {
            double[] c = envelope[0].c;
            double[] l = telCholesky;
            double d0 = p.ap - c[0];
            double d1 = p.dv - c[1];
            double d2 = p.ml - c[2];
            double v0 = d0 / l[0];
            double v1 = (d1 - l[3] * v0) / l[4];
            double v2 = (d2 - l[6] * v0 - l[7] * v1) / l[8];
            double n = Math.max(Math.sqrt(v0 * v0 + v1 * v1 + v2 * v2), 1e-9);
            p.direction[0] = v0 / n;
            p.direction[1] = v1 / n;
            p.direction[2] = v2 / n;
            p.hasDirection = true;
        }
        return p.direction;
    }

    /** Lower Cholesky factor of a symmetric positive definite 3×3 matrix (row-major), row-major. */
    private static double[] cholesky(double[] a) {
        double[] l = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[3 * i + j];
                for (int k = 0; k < j; k++) {
                    s -= l[3 * i + k] * l[3 * j + k];
                }
                l[3 * i + j] = i == j ? Math.sqrt(s) : s / l[3 * j + j];
            }
        }
        return l;
    }

    /** A tilted ellipsoid (see {@link DemoAnatomy#ell}) with its inverse matrix, for q(x) = (x−c)ᵀ M⁻¹ (x−c). */
    private static final class Ellipsoid {
        final int index;
        final double[] c;
        final double[] h;
        final double[] matrix;
        private final double i00, i11, i22, i01, i02, i12;

        Ellipsoid(int index, double[] p) {
            this.index = index;
            c = new double[] {p[0], p[1], p[2]};
            h = new double[] {p[3], p[4], p[5]};
            double m00 = h[0] * h[0], m11 = h[1] * h[1], m22 = h[2] * h[2];
            double m01 = h[0] * h[1] * p[6], m02 = h[0] * h[2] * p[7], m12 = h[1] * h[2] * p[8];
            matrix = new double[] {m00, m01, m02, m01, m11, m12, m02, m12, m22};
            double c00 = m11 * m22 - m12 * m12;
            double c01 = m02 * m12 - m01 * m22;
            double c02 = m01 * m12 - m02 * m11;
            double det = m00 * c00 + m01 * c01 + m02 * c02;
            if (!(det > 0)) {
                throw new IllegalStateException("ellipsoid " + index + " is degenerate");
            }
            i00 = c00 / det;
            i01 = c01 / det;
            i02 = c02 / det;
            i11 = (m00 * m22 - m02 * m02) / det;
            i12 = (m01 * m02 - m00 * m12) / det;
            i22 = (m00 * m11 - m01 * m01) / det;
        }

        double q(double ap, double dv, double ml) {
            double a = ap - c[0];
            double b = dv - c[1];
            double d = ml - c[2];
            return i00 * a * a + i11 * b * b + i22 * d * d + 2 * (i01 * a * b + i02 * a * d + i12 * b * d);
        }
    }
}
