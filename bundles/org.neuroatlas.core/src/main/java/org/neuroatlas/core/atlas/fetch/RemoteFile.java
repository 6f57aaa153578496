package org.neuroatlas.core.atlas.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

import org.neuroatlas.core.InputException;

/**
 * A catalogue file together with the URL it is fetched from in this run.
 *
 * @param file what to fetch and how to verify it
 * @param url  the absolute http(s) URL
 */
public record RemoteFile(AtlasFile file, URI url) {

    public RemoteFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(url, "url");
    }

    /** The setting that overrides this file's URL, for error messages ({@code --base-url} or {@code --ontology-url}). */
    public String urlParameter() {
        return file.source().parameter();
    }

    /**
     * Parses a user-given base or ontology URL.
     *
     * @param parameter the setting it came from, named in the error message
     * @throws InputException unless it is an absolute http or https URL with a host
     */
    public static URI parseUrl(String text, String parameter) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw InputException.parameter(parameter, "'" + text + "' is not a URL (" + e.getReason() + ")", "Give an http:// or https:// URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw InputException.parameter(parameter, "'" + text + "' is not an http:// or https:// URL with a host", "Give an http:// or https:// URL");
        }
        return uri;
    }

    /** {@code base/relative}, however many slashes the base ends with. */
    public static URI resolve(URI base, String relative) {
        String b = base.toString();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return URI.create(b + "/" + relative);
    }
}
