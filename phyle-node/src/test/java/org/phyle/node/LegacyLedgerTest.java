package org.phyle.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost: a ledger written before the core was recomposed (commit 5937929, see
 * {@code src/test/resources/legacy/README.md}) is opened by today's node, which refuses the old snapshot format,
 * replays every block from the genesis, and answers every read as the old node did.
 */
class LegacyLedgerTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLedgerWrittenBeforeTheNewShapeReplaysToTheSameState() throws Exception {
        Path dir = TestNodes.tempDir();
        unzip("/legacy/ledger-5937929.zip", dir);
        JsonNode expected;
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/legacy/expected-5937929.json.gz"))) {
            expected = JSON.readTree(in);
        }
        try (TestNodes.Running running = TestNodes.reopen(NodeConfig.defaults(dir))) {
            HttpClient http = HttpClient.newHttpClient();
            List<String> differ = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(running.url() + "/api/v1/"
                        + e.getKey())).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode now = JSON.readTree(r.body());
                if (now instanceof ObjectNode o) {
                    o.remove("now");
                }
                if (!normalize(now).equals(normalize(e.getValue().deepCopy()))) {
                    differ.add(e.getKey());
                }
            }
            assertThat(differ).as("reads that differ from the old node's").isEmpty();
            assertThat(expected.size()).isEqualTo(78);
        }
    }

    /** Sorts the two lists whose order the old node did not fix: powers (by name) and parameters (by name). */
    static JsonNode normalize(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.fields().forEachRemaining(f -> o.set(f.getKey(), normalize(f.getValue())));
        } else if (n instanceof ArrayNode a) {
            List<JsonNode> items = new ArrayList<>();
            a.forEach(x -> items.add(normalize(x)));
            String key = items.stream().allMatch(x -> x.has("power")) ? "power"
                    : items.stream().allMatch(x -> x.has("name") && x.has("meaning")) ? "name" : null;
            if (key != null && !items.isEmpty()) {
                items.sort(Comparator.comparing(x -> x.get(key).asText()));
            }
            a.removeAll();
            items.forEach(a::add);
        }
        return n;
    }

    private void unzip(String resource, Path dir) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(getClass().getResourceAsStream(resource))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path target = dir.resolve(e.getName()).normalize();
                Files.createDirectories(target.getParent());
                Files.copy(zip, target);
            }
        }
    }
}
