package org.phyle.node.http;

import static org.phyle.node.http.Requests.hashParam;
import static org.phyle.node.http.Requests.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.phyle.crypto.Hash;
import org.phyle.node.Node;

/** The notary's read API: the records of a digest. */
final class NotaryRoutes {
    private final Node node;

    NotaryRoutes(Node node) {
        this.node = node;
    }

    void register(Router router) {
        router.get("/notary/{digest}", this::records);
    }

    private void records(Context ctx) {
        Hash digest = hashParam(ctx, "digest");
        long[] leaves = node.read(s -> s.notary().recordsOf(digest));
        ArrayNode records = Views.array();
        for (long leaf : leaves) {
            records.add(Views.logEntry(node, leaf));
        }
        ObjectNode o = Views.object().put("digest", digest.hex()).put("count", leaves.length);
        o.set("records", records);
        json(ctx, o);
    }
}
