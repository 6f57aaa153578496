package org.neuroatlas.core.register;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.volume.Volume;

/**
 * The demo atlas's template registered onto itself must stay at the identity: a sample as sharp as the template
 * (no blur to match) drifted 21–34 µm from it while the template blur was fixed ({@link TemplateBlur}).
 */
class SelfRegistrationTest {

    @Test
    void theTemplateRegisteredOntoItselfStaysAtTheIdentity() {
        try (Atlas atlas = Atlas.demo(100, Progress.NONE)) {
            Volume<?> template = atlas.template().orElseThrow().withOrientation(Atlas.ORIENTATION);
            Registration.Result r = Registration.register(atlas, template, Registration.Settings.defaults(2), Progress.NONE);
            double sum = 0, max = 0;
            int n = 0;
            double[] q = new double[3], s = new double[3];
            for (int z = 10; z < 104; z += 3) {
                for (int y = 10; y < 70; y += 3) {
                    for (int x = 10; x < 122; x += 3, n++) {
                        q[0] = x * 100;
                        q[1] = y * 100;
                        q[2] = z * 100;
                        r.transform().atlasToSample(q, s);
                        double d = Math.sqrt(Math.pow(s[0] - q[0], 2) + Math.pow(s[1] - q[1], 2) + Math.pow(s[2] - q[2], 2));
                        sum += d;
                        max = Math.max(max, d);
                    }
                }
            }
            System.out.printf(java.util.Locale.ROOT, "self-registration: distance from the identity mean %.2f, max %.2f µm; NCC %.4f → %.4f%n",
                    sum / n, max, r.nccBefore(), r.nccNonRigid());
            assertTrue(max < 1, "max " + max + " µm");
            assertTrue(r.nccNonRigid() >= r.nccLinear() - 1e-4, r.nccLinear() + " → " + r.nccNonRigid());
        }
    }
}
