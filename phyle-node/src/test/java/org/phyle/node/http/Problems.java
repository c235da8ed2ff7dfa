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
}
