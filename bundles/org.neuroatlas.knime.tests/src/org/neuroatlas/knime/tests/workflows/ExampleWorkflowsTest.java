package org.neuroatlas.knime.tests.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.knime.tests.OsgiTestSupport;

/**
 * The workflows in {@code example-workflows/}: each folder has the documented structure, every node's settings pass
 * through the real node model unchanged, connections fit the ports, flow variables control real settings — and the
 * committed files are the ones {@link ExampleWorkflows} generates.
 */
class ExampleWorkflowsTest {

    static Path examples() {
        return OsgiTestSupport.projectRoot().resolve("example-workflows");
    }

    @Test
    void theExpectedWorkflowsArePresent() throws Exception {
        List<String> found = WorkflowChecks.workflowFolders(examples()).stream().map(p -> examples().relativize(p).toString().replace('\\', '/'))
                .toList();
        assertEquals(ExampleWorkflows.all().stream().map(WorkflowSpec::folder).sorted().toList(), found);
    }

    @Test
    void everyWorkflowHasTheDocumentedStructure() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path dir : WorkflowChecks.workflowFolders(examples())) {
            problems.addAll(WorkflowChecks.format(dir));
        }
        assertNoProblems(problems);
    }

    @Test
    void everyNodesSettingsPassThroughItsNodeModel() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path dir : WorkflowChecks.workflowFolders(examples())) {
            problems.addAll(WorkflowChecks.nodes(dir));
        }
        assertNoProblems(problems);
    }

    /** The committed files are generated, never hand-edited: regenerate, compare, and say how to update. */
    @Test
    void committedFilesAreTheGeneratedOnes() throws Exception {
        Path generated = OsgiTestSupport.projectRoot().resolve("bundles/org.neuroatlas.knime.tests/target/example-workflows");
        AtomicFile.deleteRecursively(generated);
        List<String> differences = new ArrayList<>();
        for (WorkflowSpec spec : ExampleWorkflows.all()) {
            Path fresh = generated.resolve(spec.folder());
            WorkflowWriter.write(spec, fresh);
            Path committed = examples().resolve(spec.folder());
            for (Path f : files(fresh)) {
                Path c = committed.resolve(fresh.relativize(f).toString());
                if (!Files.isRegularFile(c) || !Files.readString(c).equals(Files.readString(f))) {
                    differences.add(c + " differs from the generated " + f);
                }
            }
            for (Path c : files(committed)) {
                String rel = committed.relativize(c).toString().replace('\\', '/');
                if (!rel.startsWith("data/") && !Files.exists(fresh.resolve(rel))) {
                    differences.add(c + " is not generated (a node folder that the spec no longer has?)");
                }
            }
        }
        if (!differences.isEmpty()) {
            fail(String.join("\n", differences) + "\nIf the change is intended, copy the generated workflows over the committed ones: cp -r "
                    + generated + "/. " + examples() + "/");
        }
    }

    @Test
    void theChecksCatchBrokenSettingsAndFormat() throws Exception {
        Path dir = OsgiTestSupport.projectRoot().resolve("bundles/org.neuroatlas.knime.tests/target/broken-workflow");
        AtomicFile.deleteRecursively(dir);
        WorkflowWriter.write(ExampleWorkflows.cellCountingTemplate(), dir);
        Path detector = dir.resolve("Cell Detector (#2)/settings.xml");
        // A setting saved with the wrong type, and a negative cell diameter: the node model must refuse both.
        String xml = Files.readString(detector);
        Files.writeString(detector, xml.replace("key=\"threads\" type=\"xint\"", "key=\"threads\" type=\"xstring\""));
        assertTrue(WorkflowChecks.nodes(dir).stream().anyMatch(p -> p.contains("Cell Detector (#2)") && p.contains("refuses")),
                () -> "a mistyped setting must be refused");
        Files.writeString(detector, xml.replace("key=\"cell_diameter_um\" type=\"xdouble\" value=\"15.0\"", "key=\"cell_diameter_um\" type=\"xdouble\" value=\"-1.0\""));
        assertTrue(WorkflowChecks.nodes(dir).stream().anyMatch(p -> p.contains("Cell Detector (#2)")), () -> "a negative diameter must be refused");
        Files.writeString(detector, xml);
        // A flow variable bound to a setting that does not exist, and a connection to a port the node lacks.
        Path reader = dir.resolve("Volume Reader (#1)/settings.xml");
        Files.writeString(reader, Files.readString(reader).replace("<config key=\"path\">", "<config key=\"no_such_setting\">"));
        Path workflow = dir.resolve("workflow.knime");
        Files.writeString(workflow, Files.readString(workflow).replace("key=\"destPort\" type=\"xint\" value=\"2\"", "key=\"destPort\" type=\"xint\" value=\"7\""));
        List<String> format = WorkflowChecks.format(dir);
        assertTrue(format.stream().anyMatch(p -> p.contains("no_such_setting")), format::toString);
        List<String> nodes = WorkflowChecks.nodes(dir);
        assertTrue(nodes.stream().anyMatch(p -> p.contains("no data in-port 7")), nodes::toString);
        assertTrue(nodes.stream().anyMatch(p -> p.contains("required in-port 2")), nodes::toString);
    }

    private static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n" + String.join("\n", problems));
        }
    }

    private static List<Path> files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
