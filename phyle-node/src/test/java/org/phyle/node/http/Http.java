package org.phyle.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.phyle.crypto.StrictJson;

/** Raw HTTP for API tests: any bytes in, status, content type and body out. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Response(int status, String contentType, byte[] body) {
        JsonNode json() {
            return StrictJson.parse(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Http() {
    }

    static Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /**
     * A POST of JSON. A body over a megabyte is sent as a careful client sends one, with "Expect: 100-continue": the
     * node refuses a declared length over its limit before reading the body and closes the connection, and a client
     * still writing the body then may see the connection reset instead of the refusal (RFC 9110, 10.1.1).
     */
    static Response post(String url, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .expectContinue(body.length > (1 << 20)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static Response post(String url, String body) {
        return post(url, body.getBytes(StandardCharsets.UTF_8));
    }

    static Response postText(String url, String text) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build());
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().firstValue("content-type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
