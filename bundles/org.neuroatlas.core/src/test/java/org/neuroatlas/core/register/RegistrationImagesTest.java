package org.neuroatlas.core.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;

import javax.imageio.ImageIO;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.simulate.Scenario;
import org.neuroatlas.core.simulate.SimulationSettings;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * The registration folder's images from the simulator's TRUE transform (affine plus a smooth warp) of a whole
 * demo brain imaged at 50 µm, psl, against the 100 µm demo atlas.
 */
class RegistrationImagesTest {

    /**
     * Floor for the correlation of warped_to_atlas with the template over the atlas brain under the true transform.
     * The simulated autofluorescence is the template's anatomy carried through that transform plus noise and
     * intensity falloff, downsampled to 100 µm and interpolated again, so r stays below 1: measured 0.953. The
     * same images with the sample shifted by half a template voxel (50 µm) give 0.924 (see
     * {@link #aHalfVoxelMisplacementFallsBelowTheFloor}), so 0.94 catches a resampling grid or transform that is off by
     * that much, with room for the simulator's noise.
     */
    static final double MIN_TRUE_NCC = 0.94;
    /** Labels carried into the sample grid must match the point-by-point mapping of voxel centres this often. */
    static final double MIN_LABEL_AGREEMENT = 0.99;

    @TempDir
    static Path dir;
    static Atlas atlas;
    static Path brain;
    static AtlasTransform truth;
    static PreparedSample sample;
    static Path out;
    static double ncc;

    @BeforeAll
    static void simulateAndWrite() throws IOException {
        atlas = Atlas.demo(100, Progress.NONE);
        SimulationSettings s = new SimulationSettings("demo", OptionalDouble.empty(), "ketamine", 1, new VoxelSize(50, 50, 50),
                Orientation.parse("psl", "o"), 3, "", 0, false, 2);
        CohortSimulator.Cohort c = CohortSimulator.run(s, Scenario.load("ketamine").controlOnly(), dir.resolve("cohort"), Progress.NONE);
        brain = c.folder().resolve(c.brains().get(0).sampleId());
        truth = AtlasTransform.load(brain.resolve(CohortSimulator.TRANSFORM));
        try (Volume<?> auto = Volumes.open(brain.resolve("autofluorescence"), ReadOptions.defaults())
                .withOrientation(Orientation.parse("psl", "o"))) {
            sample = LinearRegistration.prepare(atlas, auto, new LinearRegistration.Settings(2, true), Progress.NONE);
        }
        out = dir.resolve("reg");
        long t0 = System.nanoTime();
        ncc = RegistrationImages.write(atlas, truth, sample, out, Progress.NONE);
        System.out.printf(Locale.ROOT, "true transform (%s): NCC of warped_to_atlas with the template over the brain %.4f; images in %.2f s%n",
                truth.isAffine() ? "affine" : "deformable", ncc, (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void close() {
        atlas.close();
    }

    @Test
    void warpedToAtlasCorrelatesWithTheTemplateAndHasTheTemplatesGrid() throws IOException {
        assertFalse(truth.isAffine(), "the simulator's truth has a warp: the images must follow it, not only the affine part");
        assertTrue(ncc > MIN_TRUE_NCC, "NCC " + ncc);
        Volume<?> template = atlas.template().orElseThrow();
        Path file = out.resolve(RegistrationImages.WARPED_FILE);
        try (Volume<?> w = Volumes.open(file, ReadOptions.defaults())) {
            assertArrayEquals(template.dimensions(), w.dimensions());
            assertEquals(template.voxelSizeUm(), w.voxelSizeUm());
            assertEquals(PixelType.FLOAT32, w.pixelType());
            // recompute r from the file itself: what is written is what was measured
            AtlasReference ref = AtlasReference.of(atlas);
            float[] values = new float[ref.template.size()];
            Cursor<? extends RealType<?>> c = Views.flatIterable(w.voxels()).cursor();
            for (int i = 0; c.hasNext(); i++) {
                values[i] = c.next().getRealFloat();
            }
            assertEquals(ncc, pearson(values, ref.template.data, ref.brain), 1e-6);
        }
        String header = header(file);
        assertTrue(header.contains("space: left-posterior-superior") && header.contains("space directions: (100,0,0) (0,100,0) (0,0,100)")
                && header.contains("space origin: (0,0,0)") && header.contains("kinds: domain domain domain"), header);
    }

    @Test
    void aHalfVoxelMisplacementFallsBelowTheFloor() {
        AffineMap shifted = truth.sampleSide().andThen(AffineMap.translation(50, 0, 0));
        AtlasTransform off = AtlasTransform.of(shifted, truth.displacement().orElseThrow(), truth.inverseDisplacement().orElseThrow(),
                truth.atlasKey(), truth.sample());
        AtlasReference ref = AtlasReference.of(atlas);
        double r = new WarpedToAtlas(sample.image(), off, ref.template).ncc(ref.template.data, ref.brain);
        System.out.printf(Locale.ROOT, "sample shifted by 50 µm: NCC %.4f (true %.4f)%n", r, ncc);
        assertTrue(r < MIN_TRUE_NCC && r < ncc, "the true transform fits best: " + r + " vs " + ncc);
    }

    @Test
    void atlasInSampleAgreesWithMappedVoxelCentres() throws IOException {
        Path file = out.resolve(RegistrationImages.ATLAS_IN_SAMPLE_FILE);
        Volume<?> annotation = atlas.annotation();
        long agree = 0, counted = 0, labelled = 0;
        try (Volume<?> a = Volumes.open(file, ReadOptions.defaults())) {
            assertArrayEquals(sample.dimensions(), a.dimensions());
            assertEquals(sample.voxelSizeUm(), a.voxelSizeUm());
            assertEquals(PixelType.UINT32, a.pixelType());
            assertEquals("psl", a.orientation().orElseThrow().code());
            double[] origin = sample.originUm();
            VoxelSize sv = sample.voxelSizeUm(), av = annotation.voxelSizeUm();
            RandomAccess<? extends RealType<?>> labels = annotation.voxels().randomAccess();
            long[] max = annotation.dimensions();
            Cursor<? extends RealType<?>> c = Views.flatIterable(a.voxels()).localizingCursor();
            double[] p = new double[3];
            long[] pos = new long[3];
            while (c.hasNext()) {
                long got = (long) c.next().getRealDouble();
                for (int d = 0; d < 3; d++) {
                    p[d] = origin[d] + c.getLongPosition(d) * sv.um(d);
                }
                truth.sampleToAtlas(p, p);
                long expected = 0;
                boolean inside = true;
                for (int d = 0; d < 3; d++) {
                    pos[d] = Math.round(p[d] / av.um(d));
                    inside &= pos[d] >= 0 && pos[d] < max[d];
                }
                if (inside) {
                    labels.setPosition(pos);
                    expected = (long) labels.get().getRealDouble();
                }
                if (got != 0 || expected != 0) {
                    counted++;
                    agree += got == expected ? 1 : 0;
                    labelled += got != 0 ? 1 : 0;
                }
            }
        }
        double agreement = agree / (double) counted;
        System.out.printf(Locale.ROOT, "atlas_in_sample: %d labelled voxels, agreement with point mapping %.5f%n", labelled, agreement);
        assertTrue(agreement >= MIN_LABEL_AGREEMENT, "agreement " + agreement);
        assertTrue(labelled > 0.05 * Arrays.stream(sample.dimensions()).reduce(1, (x, y) -> x * y), "the brain is labelled: " + labelled);
        String header = header(file);
        assertTrue(header.contains("spacings: 100 100 100") && header.contains("type: unsigned int"), header);
    }

    @Test
    void qcPicturesDecodeAtTheExpectedSize() throws IOException {
        long[] t = atlas.template().orElseThrow().dimensions();
        int[][] acrossDown = {{(int) t[2], (int) t[1]}, {(int) t[0], (int) t[1]}, {(int) t[2], (int) t[0]}};
        for (int i = 0; i < 3; i++) {
            Path png = out.resolve(RegistrationImages.QC_FILES.get(i));
            BufferedImage img = ImageIO.read(png.toFile());
            assertNotNull(img, png.toString());
            int k = QcImages.scale(acrossDown[i][0], acrossDown[i][1]);
            assertTrue(k >= 1 && Math.max(img.getWidth(), img.getHeight()) >= QcImages.MIN_LONG_SIDE_PX);
            assertEquals(acrossDown[i][0] * k, img.getWidth(), png.toString());
            assertEquals(acrossDown[i][1] * k, img.getHeight(), png.toString());
            // both channels carry a picture: the template (red) and the warped brain (green) are not blank
            long red = 0, green = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = img.getRGB(x, y);
                    red += (rgb >> 16) & 0xff;
                    green += (rgb >> 8) & 0xff;
                }
            }
            assertTrue(red > 0 && green > 0, png + ": red " + red + ", green " + green);
        }
    }

    @Test
    void aTransformForAnotherSampleIsRefusedAndNothingIsWritten() {
        SampleGeometry other = new SampleGeometry(new long[] {10, 10, 10}, new VoxelSize(50, 50, 50), Orientation.parse("psl", "o"));
        AtlasTransform wrong = AtlasTransform.affine(truth.sampleSide(), truth.atlasKey(), other);
        Path elsewhere = dir.resolve("refused");
        InputException e = assertThrows(InputException.class, () -> RegistrationImages.write(atlas, wrong, sample, elsewhere, Progress.NONE));
        assertTrue(e.getMessage().contains("belongs to a sample volume"), e.getMessage());
        assertFalse(Files.exists(elsewhere));
    }

    @Test
    void noTemporaryFilesAreLeft() throws IOException {
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".")), "no .part files");
        }
    }

    private static void assertArrayEquals(long[] expected, long[] actual) {
        assertEquals(Arrays.toString(expected), Arrays.toString(actual));
    }

    private static String header(Path nrrd) throws IOException {
        byte[] head = new byte[2048];
        try (var in = Files.newInputStream(nrrd)) {
            int n = in.readNBytes(head, 0, head.length);
            String s = new String(head, 0, n, StandardCharsets.ISO_8859_1);
            return s.substring(0, s.indexOf("\n\n"));
        }
    }

    static double pearson(float[] a, float[] b, boolean[] mask) {
        double n = 0, sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        for (int i = 0; i < a.length; i++) {
            if (mask[i]) {
                n++;
                sa += a[i];
                sb += b[i];
                saa += a[i] * (double) a[i];
                sbb += b[i] * (double) b[i];
                sab += a[i] * (double) b[i];
            }
        }
        return (sab - sa * sb / n) / Math.sqrt((saa - sa * sa / n) * (sbb - sb * sb / n));
    }
}
