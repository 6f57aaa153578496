package org.neuroatlas.core.atlas.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.SharedData;

/** The catalogue data: Allen's URLs, and pinned checksums that match byte-identical copies of Allen's files. */
class FetchCatalogTest {

    private static final AtlasRelease ALLEN = AtlasCatalog.ALLEN_CCF_2017;

    @Test
    void allenUrlsFollowTheDownloadServerLayout() {
        assertEquals(List.of(10, 25, 50, 100), List.copyOf(ALLEN.resolutionsUm()));
        List<RemoteFile> files = ALLEN.remoteFiles(25, null, null);
        assertEquals(URI.create("https://download.alleninstitute.org/informatics-archive/current-release/mouse_ccf/annotation/ccf_2017/annotation_25.nrrd"),
                files.get(0).url());
        assertEquals(URI.create("https://download.alleninstitute.org/informatics-archive/current-release/mouse_ccf/average_template/average_template_25.nrrd"),
                files.get(1).url());
        assertEquals(URI.create("https://api.brain-map.org/api/v2/structure_graph_download/1.json"), files.get(2).url());
        assertEquals("structure_graph_1.json", files.get(2).file().fileName());
        assertEquals("--ontology-url", files.get(2).urlParameter());
        assertEquals("--base-url", files.get(0).urlParameter());

        List<RemoteFile> mirrored = ALLEN.remoteFiles(10, URI.create("http://mirror.example/ccf//"), URI.create("http://mirror.example/o.json"));
        assertEquals(URI.create("http://mirror.example/ccf/annotation/ccf_2017/annotation_10.nrrd"), mirrored.get(0).url());
        assertEquals(URI.create("http://mirror.example/o.json"), mirrored.get(2).url());
    }

    @Test
    void pinnedChecksumsAreThoseOfTheByteIdenticalCopies() throws Exception {
        Map<String, String> pinned = new TreeMap<>();
        for (AtlasFile f : ALLEN.allFiles()) {
            if (f.isPinned()) {
                pinned.put(f.fileName(), f.sha256());
                assertEquals(Files.size(SharedData.atlas(f.fileName())), f.expectedBytes(), f.fileName());
                assertEquals(TestFiles.sha256(SharedData.atlas(f.fileName())), f.sha256(), f.fileName());
            }
        }
        assertEquals(List.of("annotation_100.nrrd", "annotation_50.nrrd", "average_template_100.nrrd"), List.copyOf(pinned.keySet()));
        assertEquals(9, ALLEN.allFiles().size(), "4 resolutions × 2 volumes + 1 shared ontology");
        // annotation_25.nrrd in the shared folder is a re-encoding, not Allen's bytes: it must not be pinned from there.
        assertTrue(ALLEN.files(25).stream().noneMatch(AtlasFile::isPinned));
    }

    @Test
    void unknownAtlasesAndResolutionsAreInputErrors() {
        InputException atlas = assertThrows(InputException.class, () -> AtlasCatalog.release("allen-ccf-2011"));
        assertEquals("parameter ATLAS: no atlas called 'allen-ccf-2011'. Known atlases: allen-ccf-2017", atlas.getMessage());
        InputException res = assertThrows(InputException.class, () -> ALLEN.files(20));
        assertEquals("parameter --resolution: allen-ccf-2017 has no 20 µm files. Use one of 10, 25, 50, 100 (µm)", res.getMessage());
        InputException url = assertThrows(InputException.class, () -> RemoteFile.parseUrl("ftp://x/y", "--base-url"));
        assertTrue(url.getMessage().startsWith("parameter --base-url: 'ftp://x/y' is not an http:// or https:// URL"), url.getMessage());
    }
}
