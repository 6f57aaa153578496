package org.neuroatlas.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Proves that the node bundle, the engine and every third-party bundle resolve and load in OSGi, and that the
 * feature ships exactly the bundles the node bundle needs at run time (no more, no fewer).
 */
class BundleWiringTest {

    /** Every bundle reachable from the node bundle through its wires, except the framework and KNIME's own. */
    static Set<String> runtimeClosure() {
        Set<String> seen = new TreeSet<>();
        Deque<Bundle> todo = new ArrayDeque<>();
        todo.add(OsgiTestSupport.nodeBundle());
        while (!todo.isEmpty()) {
            Bundle b = todo.pop();
            String name = b.getSymbolicName();
            if (b.getBundleId() == 0 || name.startsWith("org.knime.") || !seen.add(name)) {
                continue;
            }
            BundleWiring w = b.adapt(BundleWiring.class);
            assertNotNull(w, name + " is not resolved");
            for (BundleWire wire : w.getRequiredWires(null)) {
                // A host's wiring includes the wires of attached fragments; the test fragment's own needs don't ship.
                if (!"org.neuroatlas.knime.tests".equals(wire.getRequirement().getRevision().getSymbolicName())) {
                    todo.add(wire.getProvider().getBundle());
                }
            }
        }
        return seen;
    }

    @Test
    void featureShipsExactlyTheRuntimeClosureOfTheNodeBundle() throws Exception {
        Document feature = OsgiTestSupport.xml(OsgiTestSupport.projectRoot().resolve("features/org.neuroatlas.feature/feature.xml"));
        Set<String> shipped = new TreeSet<>();
        NodeList plugins = feature.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            shipped.add(((Element) plugins.item(i)).getAttribute("id"));
        }
        Set<String> needed = runtimeClosure();
        assertTrue(needed.contains("org.neuroatlas.core"), needed.toString());
        assertEquals(needed, shipped, "feature.xml must list every bundle the nodes need at run time, and nothing else");
        assertTrue(shipped.stream().noneMatch(s -> s.startsWith("org.knime.")), "the KNIME stand-in is never shipped");
    }

    @Test
    void everyShippedBundleResolvesAndItsClassesLoad() throws Exception {
        Bundle engine = null;
        for (Bundle b : OsgiTestSupport.nodeBundle().getBundleContext().getBundles()) {
            if ("org.neuroatlas.core".equals(b.getSymbolicName())) {
                engine = b;
            }
        }
        assertNotNull(engine, "engine bundle installed");
        // Third-party classes the engine uses, loaded through the engine's own class loader: imports and the
        // embedded (private) HDF5 stack must both work.
        for (String cls : new String[] {"net.imglib2.img.cell.LazyCellImg", "org.apache.commons.csv.CSVParser",
            "org.apache.commons.io.input.BOMInputStream", "picocli.CommandLine", "io.jhdf.HdfFile", "org.slf4j.LoggerFactory",
            "org.apache.commons.lang3.concurrent.LazyInitializer"}) {
            assertNotNull(engine.loadClass(cls), cls);
        }
        // Every bundle of the closure activates (lazy activation, activators, fragments).
        Set<String> closure = runtimeClosure();
        for (Bundle b : OsgiTestSupport.nodeBundle().getBundleContext().getBundles()) {
            if (closure.contains(b.getSymbolicName()) && b.getHeaders().get("Fragment-Host") == null) {
                b.start(Bundle.START_TRANSIENT);
                assertEquals(Bundle.ACTIVE, b.getState(), b.getSymbolicName());
            }
        }
    }
}
