package org.neuroatlas.core.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Small hand-made inputs of the report: a dose comparison on regions of the demo atlas (VTA up, SNc down, the rest
 * not significant; two contrasts), per-sample counts and a sample sheet.
 */
public final class ReportFixtures {

    public static final String CONTRAST_30 = "ketamine-30 vs saline";
    public static final String CONTRAST_100 = "ketamine-100 vs saline";

    /** The comparison CSV; the extra column {@code note} holds a unique marker per row. */
    public static final String COMPARISON = """
            region,region_id,hemisphere,contrast,control_group,treated_group,mean_control,mean_treated,log2_fc,pct_change,p_welch,q_welch,direction,note
            VTA,749,both,ketamine-30 vs saline,saline,ketamine-30,100,200,1,100,0.001,0.01,up,row01
            SNc,374,both,ketamine-30 vs saline,saline,ketamine-30,100,57.4,-0.8,-42.6,0.004,0.02,down,row02
            CP,672,both,ketamine-30 vs saline,saline,ketamine-30,100,115,0.2,15,0.3,0.6,ns,row03
            PL,972,both,ketamine-30 vs saline,saline,ketamine-30,50,47,-0.09,-6,0.7,0.8,ns,row04
            ZI,,both,ketamine-30 vs saline,saline,ketamine-30,80,113,0.5,41,0.05,0.2,ns,row05
            VTA,749,left,ketamine-30 vs saline,saline,ketamine-30,50,101,1.01,102,0.002,0.015,up,row06
            VTA,749,right,ketamine-30 vs saline,saline,ketamine-30,50,99,0.99,98,0.003,0.015,up,row07
            VTA,749,both,ketamine-100 vs saline,saline,ketamine-100,100,300,1.58,200,0.0001,0.001,up,row08
            SNc,374,both,ketamine-100 vs saline,saline,ketamine-100,100,90,-0.15,-10,0.5,0.7,ns,row09
            CP,672,both,ketamine-100 vs saline,saline,ketamine-100,100,95,-0.07,-5,0.8,0.8,ns,row10
            PL,972,both,ketamine-100 vs saline,saline,ketamine-100,50,,,,,,ns,row11
            """;

    public static final String SAMPLES = """
            sample_id,group,dose_mg_kg,signal_path
            ketamine-30_01,ketamine-30,30,a.tif
            saline_01,saline,0,b.tif
            saline_02,saline,0,c.tif
            saline_03,saline,0,d.tif
            ketamine-30_02,ketamine-30,30,e.tif
            ketamine-30_03,ketamine-30,30,f.tif
            ketamine-100_01,ketamine-100,100,g.tif
            ketamine-100_02,ketamine-100,100,h.tif
            """;

    private static final List<String> SAMPLE_IDS = List.of("saline_01", "saline_02", "saline_03", "ketamine-30_01", "ketamine-30_02",
            "ketamine-30_03", "ketamine-100_01", "ketamine-100_02");

    private ReportFixtures() {
    }

    /** Counts in the layout of map's counts CSV (acronym column, not region), for VTA, SNc, CP, PL, ZI × both. */
    public static String counts() {
        StringBuilder sb = new StringBuilder("sample_id,atlas,region_id,acronym,name,depth,hemisphere,count_own,count,volume_mm3,density_per_mm3\n");
        String[] regions = {"VTA", "SNc", "CP", "PL", "ZI"};
        for (int s = 0; s < SAMPLE_IDS.size(); s++) {
            String id = SAMPLE_IDS.get(s);
            double factor = id.startsWith("saline") ? 1 : id.startsWith("ketamine-30") ? 2 : 3;
            for (int r = 0; r < regions.length; r++) {
                long count = Math.round((100 + 10 * r) * (regions[r].equals("VTA") ? factor : 1) + 7 * (s % 3));
                sb.append(String.format(Locale.ROOT, "%s,neuroatlas-demo@1/100um#x,0,%s,%s,5,both,%d,%d,0.5,%.1f%n", id, regions[r], regions[r], count,
                        count, count / 0.5));
            }
        }
        return sb.toString();
    }

    public static ComparisonTable comparison(Path dir) throws IOException {
        return ComparisonTable.read(write(dir, "dose_comparison.csv", COMPARISON));
    }

    public static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}
