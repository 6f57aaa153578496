package org.neuroatlas.core.atlas.fetch;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.neuroatlas.core.InputException;

/**
 * A downloadable atlas release: its files per resolution and the default URLs they come from.
 *
 * @param name                the name users type, e.g. {@code allen-ccf-2017}
 * @param title               a one-line description for help texts
 * @param identity            the atlas identity (name, version) the downloaded folder declares in its {@code atlas.json}
 * @param defaultBaseUrl      the URL that {@link AtlasFile.Source#BASE} files are relative to, unless overridden
 * @param defaultOntologyUrl  the URL of the ontology file, unless overridden
 * @param filesByResolutionUm the files to fetch for each isotropic resolution in µm
 */
public record AtlasRelease(String name, String title, String[] identity, URI defaultBaseUrl, URI defaultOntologyUrl,
        SortedMap<Integer, List<AtlasFile>> filesByResolutionUm) {

    public AtlasRelease {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultBaseUrl, "defaultBaseUrl");
        Objects.requireNonNull(defaultOntologyUrl, "defaultOntologyUrl");
        SortedMap<Integer, List<AtlasFile>> copy = new TreeMap<>();
        for (Map.Entry<Integer, List<AtlasFile>> e : filesByResolutionUm.entrySet()) {
            List<AtlasFile> files = List.copyOf(e.getValue());
            long distinct = files.stream().map(AtlasFile::fileName).distinct().count();
            if (distinct != files.size()) {
                throw new IllegalArgumentException("two files with the same name at " + e.getKey() + " µm in " + name);
            }
            copy.put(e.getKey(), files);
        }
        filesByResolutionUm = Collections.unmodifiableSortedMap(copy);
    }

    /** The resolutions (µm) this release offers, ascending. */
    public SortedSet<Integer> resolutionsUm() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(filesByResolutionUm.keySet()));
    }

    /**
     * The files to fetch at {@code resolutionUm}.
     *
     * @throws InputException (parameter {@code --resolution}) if this release has no such resolution
     */
    public List<AtlasFile> files(int resolutionUm) {
        List<AtlasFile> files = filesByResolutionUm.get(resolutionUm);
        if (files == null) {
            throw InputException.parameter("--resolution", name + " has no " + resolutionUm + " µm files",
                    "Use one of " + resolutionsUm().stream().map(String::valueOf).collect(Collectors.joining(", ")) + " (µm)");
        }
        return files;
    }

    /** Every file of every resolution, each name once (the ontology is shared), for listings such as which are pinned. */
    public List<AtlasFile> allFiles() {
        Map<String, AtlasFile> byName = new LinkedHashMap<>();
        filesByResolutionUm.values().forEach(fs -> fs.forEach(f -> byName.putIfAbsent(f.fileName(), f)));
        return List.copyOf(byName.values());
    }

    /**
     * The files at {@code resolutionUm} with the URLs to fetch them from.
     *
     * @param baseUrl     the base URL to use, or null for {@link #defaultBaseUrl()}
     * @param ontologyUrl the ontology URL to use, or null for {@link #defaultOntologyUrl()}
     */
    public List<RemoteFile> remoteFiles(int resolutionUm, URI baseUrl, URI ontologyUrl) {
        URI base = baseUrl == null ? defaultBaseUrl : baseUrl;
        URI ontology = ontologyUrl == null ? defaultOntologyUrl : ontologyUrl;
        List<RemoteFile> out = new ArrayList<>();
        for (AtlasFile f : files(resolutionUm)) {
            out.add(new RemoteFile(f, f.source() == AtlasFile.Source.BASE ? RemoteFile.resolve(base, f.relativeUrl()) : ontology));
        }
        return out;
    }
}
