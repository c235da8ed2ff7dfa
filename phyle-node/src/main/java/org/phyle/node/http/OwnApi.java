package org.phyle.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The node's own API as the server-rendered pages read it: a GET on the same node, so that a page without scripts
 * shows exactly what the API answers. A refusal becomes an IllegalArgumentException carrying the problem's sentence.
 */
final class OwnApi {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private OwnApi() {
    }

    /** The body of {@code api + path}; any answer but 200 is refused with its problem's detail. */
    static byte[] fetch(String api, String path) {
        HttpResponse<byte[]> r = send(api, path);
        if (r.statusCode() != 200) {
            throw refusal(r);
        }
        return r.body();
    }

    /** The JSON at {@code api + path}, or null if the node answers 404; any other answer but 200 is refused. */
    static JsonNode getOrNull(String api, String path) {
        HttpResponse<byte[]> r = send(api, path);
        if (r.statusCode() == 404) {
            return null;
        }
        if (r.statusCode() != 200) {
            throw refusal(r);
        }
        return Views.parse(r.body());
    }

    private static IllegalArgumentException refusal(HttpResponse<byte[]> r) {
        return new IllegalArgumentException(Views.parse(r.body()).path("detail").asText("the node answered "
                + r.statusCode()));
    }

    private static HttpResponse<byte[]> send(String api, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("the node did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
