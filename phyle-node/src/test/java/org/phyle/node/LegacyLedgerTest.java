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
 * replays every block from the genesis, and answers every read with everything the old node said, unchanged.
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
                JsonNode old = e.getValue().deepCopy();
                for (JsonNode answer : List.of(now, old)) {
                    if (answer instanceof ObjectNode o) {
                        o.remove("now"); // the node's clock
                        o.remove("txTypes"); // what the software understands, not what the ledger holds
                    }
                }
                String m = missing(normalize(now), normalize(old), e.getKey());
                if (m != null) {
                    differ.add(m);
                }
            }
            assertThat(differ).as("reads that differ from the old node's").isEmpty();
            assertThat(expected.size()).isEqualTo(78);
        }
    }

    /**
     * Where the answer fails to hold what the old one said, with the same value (null if it holds it all); today's
     * node may say more: a new field is information added, not lost.
     */
    static String missing(JsonNode now, JsonNode old, String path) {
        if (old instanceof ObjectNode o) {
            if (!(now instanceof ObjectNode n)) {
                return path + " is no longer an object";
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String m = n.has(f.getKey()) ? missing(n.get(f.getKey()), f.getValue(), path + "." + f.getKey())
                        : path + "." + f.getKey() + " is gone";
                if (m != null) {
                    return m;
                }
            }
            return null;
        }
        if (old instanceof ArrayNode a) {
            if (!(now instanceof ArrayNode n) || n.size() != a.size()) {
                return path + " has " + (now.isArray() ? now.size() : "no") + " items, not " + a.size();
            }
            for (int i = 0; i < a.size(); i++) {
                String m = missing(n.get(i), a.get(i), path + "[" + i + "]");
                if (m != null) {
                    return m;
                }
            }
            return null;
        }
        return old.equals(now) ? null : path + " is " + now + ", was " + old;
    }

    /**
     * Sorts the lists of powers, whose order the old node did not fix (a per-JVM hash order), and turns the lists of
     * parameters into objects by name (their order followed the order mechanisms were declared in, and a new
     * mechanism adds parameters).
     */
    static JsonNode normalize(JsonNode n) {
        if (n instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            names.forEach(k -> o.set(k, normalize(o.get(k))));
            return o;
        }
        if (n instanceof ArrayNode a) {
            List<JsonNode> items = new ArrayList<>();
            a.forEach(x -> items.add(normalize(x)));
            if (!items.isEmpty() && items.stream().allMatch(x -> x.has("name") && x.has("meaning"))) {
                ObjectNode byName = JSON.createObjectNode();
                items.forEach(x -> byName.set(x.get("name").asText(), x));
                return byName;
            }
            if (!items.isEmpty() && items.stream().allMatch(x -> x.has("power"))) {
                items.sort(Comparator.comparing(x -> x.get("power").asText()));
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
