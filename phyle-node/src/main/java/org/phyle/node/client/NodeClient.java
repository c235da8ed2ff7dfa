package org.phyle.node.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.phyle.crypto.StrictJson;

/** A small client of a node's HTTP API, for the CLI, the auditor and the load generator. */
public final class NodeClient {
    private final URI base;
    private final HttpClient http;

    public NodeClient(String baseUrl) {
        String url = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        try {
            this.base = URI.create(url + "/api/v1");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a node URL: " + baseUrl);
        }
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The node answered with a problem (RFC 9457). */
    public static final class ProblemException extends RuntimeException {
        private final int status;
        private final String code;

        public ProblemException(int status, String code, String detail) {
            super(code + ": " + detail);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    /** The node could not be reached: nothing was sent. */
    public static final class UnreachableException extends IllegalStateException {
        public UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The request may have reached the node, but no answer came back: its effect is unknown. */
    public static final class NoAnswerException extends IllegalStateException {
        public NoAnswerException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public JsonNode society() {
        return getJson("/society");
    }

    public String checkpoint() {
        return getText("/checkpoint");
    }

    public JsonNode state() {
        return getJson("/state");
    }

    public JsonNode health() {
        return getJson("/health");
    }

    public JsonNode status(String txId) {
        return getJson("/txs/" + txId);
    }

    public JsonNode receipt(String txId) {
        return getJson("/txs/" + txId + "/receipt");
    }

    public JsonNode entries(long start, long end) {
        return getJson("/entries?start=" + start + "&end=" + end);
    }

    /** Blocks [from, from + limit) in ascending order, with headers, signatures and checkpoints. */
    public JsonNode blocks(long from, int limit) {
        return getJson("/blocks?from=" + from + "&limit=" + limit + "&full=true");
    }

    public JsonNode consistency(long from, long to) {
        return getJson("/proofs/consistency?from=" + from + "&to=" + to);
    }

    public JsonNode notary(String digestHex) {
        return getJson("/notary/" + digestHex);
    }

    /** Submits one envelope; returns the node's answer (committed or pending), or throws its problem. */
    public JsonNode submit(byte[] envelope, boolean wait) {
        return post("/txs" + (wait ? "" : "?wait=false"), envelope);
    }

    /** Submits a JSON array of envelopes; per-transaction results are in the answer. */
    public JsonNode submitBatch(byte[] array, boolean wait) {
        return post("/txs/batch" + (wait ? "" : "?wait=false"), array);
    }

    public JsonNode getJson(String path) {
        return StrictJson.parse(send(HttpRequest.newBuilder(uri(path)).GET().build()));
    }

    public String getText(String path) {
        return new String(send(HttpRequest.newBuilder(uri(path)).GET().build()), StandardCharsets.UTF_8);
    }

    /** Posts a text (text/plain, UTF-8): a comment's text, after its comment is on the ledger. */
    public JsonNode postText(String path, String text) {
        return StrictJson.parse(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).timeout(Duration.ofMinutes(1))
                .build()));
    }

    private JsonNode post(String path, byte[] body) {
        return StrictJson.parse(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofMinutes(2)).build()));
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private byte[] send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException
                 | java.nio.channels.UnresolvedAddressException e) {
            throw new UnreachableException("cannot reach the node at " + base + ": " + e, e);
        } catch (IOException e) {
            throw new NoAnswerException("no answer from the node at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() >= 400) {
            String code = "HTTP_" + response.statusCode();
            String detail = new String(response.body(), StandardCharsets.UTF_8);
            try {
                JsonNode problem = StrictJson.parse(response.body());
                code = problem.path("code").asText(code);
                detail = problem.path("detail").asText(detail);
            } catch (RuntimeException notJson) {
                // keep the raw body as the detail
            }
            throw new ProblemException(response.statusCode(), code, detail);
        }
        return response.body();
    }

    public URI base() {
        return base;
    }
}
