package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.phyle.crypto.Hash;
import org.phyle.node.client.NodeClient;

/**
 * Naming proposals and canon texts on the command line as the lists show them: by number ({@code 3} or {@code #3})
 * or by id (64 hex digits). People and draws are resolved by the node itself ({@code /citizens/REF},
 * {@code /draws/REF}).
 */
final class Refs {
    private Refs() {
    }

    /** A proposal's id, from its number or id. */
    static Hash proposal(NodeClient client, String ref) {
        return resolve(client, ref, "/proposals", "proposals", "proposal", "proposal list");
    }

    /** A canon text's id, from its number or id. */
    static Hash text(NodeClient client, String ref) {
        return resolve(client, ref, "/canon", "texts", "text", "canon list");
    }

    private static Hash resolve(NodeClient client, String ref, String path, String field, String what, String list) {
        String r = ref.strip();
        if (r.matches("[0-9a-f]{64}")) {
            return Hash.fromHex(r);
        }
        String digits = r.startsWith("#") ? r.substring(1) : r;
        if (!digits.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("a " + what + " is named by its number, as `phyle " + list
                    + "` shows it (3 or #3), or by its id (64 hex digits), not '" + ref + "'");
        }
        long number = Long.parseLong(digits);
        // the lists are numbered from 0 in the order things were made; a page before number + 1 starts with it
        if (number < client.getJson(path + "?limit=1").path("count").asLong()) {
            JsonNode page = client.getJson(path + "?before=" + (number + 1) + "&limit=1");
            for (JsonNode item : page.path(field)) {
                if (item.path("number").asLong() == number) {
                    return Hash.fromHex(item.get("id").asText());
                }
            }
        }
        throw new IllegalArgumentException("there is no " + what + " #" + number + " (`phyle " + list + "` lists them)");
    }
}
