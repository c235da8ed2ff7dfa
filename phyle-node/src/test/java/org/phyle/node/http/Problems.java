package org.phyle.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.phyle.node.TestNodes;

/** The check every refusal gets: this status and code as problem+json, a sentence, and a log that did not grow. */
final class Problems {
    private Problems() {
    }

    static JsonNode assertProblem(TestNodes.Running running, String path, byte[] body, int status, String code) {
        long before = running.node.head().treeSize();
        long entriesBefore = running.node.store().entryCount();
        Http.Response r = Http.post(running.url() + "/api/v1" + path, body);
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("code").asText()).isEqualTo(code);
        assertThat(p.get("type").asText()).isEqualTo("/api/v1/problems/" + code);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("detail").asText()).isNotBlank();
        assertThat(running.node.head().treeSize()).isEqualTo(before);
        assertThat(running.node.store().entryCount()).isEqualTo(entriesBefore);
        return p;
    }

    /** A GET refused with this status and code as problem+json, with a sentence for a person. */
    static JsonNode assertGetProblem(String url, int status, String code) {
        Http.Response r = Http.get(url);
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo(code);
        assertThat(r.json().get("detail").asText()).isNotBlank();
        return r.json();
    }

    /** A GET answered 200, as JSON. */
    static JsonNode getOk(String url) {
        Http.Response r = Http.get(url);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }
}
