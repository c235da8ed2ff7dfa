package org.phyle.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.phyle.core.SocietyView;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.node.TestNodes;
import org.phyle.node.Txs;

/**
 * The live stream of new blocks through real HTTP: a reader gets the head at once and each new block after it, and a
 * node with readers still following stops and ends their streams (the web app keeps one open on every page, so a
 * stop must not wait for browsers to leave).
 */
class LiveEventsTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang detector, not a speed limit
    void readersSeeNewBlocksAndAStopEndsTheirStreams() throws Exception {
        TestNodes.Running node = TestNodes.small();
        HttpClient http = HttpClient.newHttpClient();
        List<BufferedReader> readers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(
                        URI.create(node.url() + "/api/v1/events")).header("Accept", "text/event-stream")
                        .timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
                readers.add(new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8)));
            }
            long height = Long.parseLong(nextData(readers.get(0)).replaceAll(".*\"height\":(\\d+).*", "$1"));

            Hash society = node.node.read(SocietyView::id);
            Http.Response sent = Http.post(node.url() + "/api/v1/txs",
                    Txs.notary(society, SigningKey.generate(), "live"));
            assertThat(sent.status()).as(sent.text()).isEqualTo(200);
            long next = height;
            while (next <= height) {
                next = Long.parseLong(nextData(readers.get(0)).replaceAll(".*\"height\":(\\d+).*", "$1"));
            }
            assertThat(next).isGreaterThan(height);
        } finally {
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(node::close);
            stopped.get(30, TimeUnit.SECONDS);
        }
        // every stream ends once the node has stopped: reading runs to its end instead of waiting for more
        for (BufferedReader r : readers) {
            CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> {
                try {
                    while (r.readLine() != null) {
                        // the rest of what was sent before the stop
                    }
                } catch (java.io.IOException e) {
                    // a connection cut off is an end too
                }
            });
            drained.get(30, TimeUnit.SECONDS);
        }
    }

    /** The data of the next event on a stream. */
    private static String nextData(BufferedReader r) throws java.io.IOException {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.startsWith("data:")) {
                return line.substring(5).strip();
            }
        }
        throw new AssertionError("the stream ended");
    }
}
