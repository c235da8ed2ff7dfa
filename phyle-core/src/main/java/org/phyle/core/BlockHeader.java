package org.phyle.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.phyle.core.tx.Fields;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;

/**
 * What a block commits to: its society and height, the hash of the previous header, its time (ms since the epoch),
 * the range of log leaves it adds, and the log's size and RFC 9162 root after it. The sequencer signs
 * {@code "phyle-block-v1:" || JCS(header)}; the block hash is SHA-256(JCS(header)).
 */
public record BlockHeader(Hash society, long height, Hash prev, long time, long firstLeaf, int txCount, long treeSize,
                          Hash root) {
    private static final byte[] SIGNING_CONTEXT = "phyle-block-v1:".getBytes(StandardCharsets.US_ASCII);

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("society", society.hex());
        o.put("height", height);
        o.put("prev", prev.hex());
        o.put("time", time);
        o.put("firstLeaf", firstLeaf);
        o.put("txCount", txCount);
        o.put("treeSize", treeSize);
        o.put("root", root.hex());
        return o;
    }

    public byte[] canonical() {
        return Jcs.canonicalize(toJson());
    }

    public Hash hash() {
        return Hash.sha256(canonical());
    }

    /** The bytes the sequencer signs. */
    public byte[] signingMessage() {
        return concat(SIGNING_CONTEXT, canonical());
    }

    public static BlockHeader fromJson(JsonNode json) {
        Fields f = Fields.of(json, "header");
        BlockHeader h = new BlockHeader(f.hash("society"), f.integer("height", 0, Fields.MAX_SAFE_INTEGER),
                f.hash("prev"), f.integer("time", 0, Fields.MAX_SAFE_INTEGER),
                f.integer("firstLeaf", 0, Fields.MAX_SAFE_INTEGER), (int) f.integer("txCount", 0, Integer.MAX_VALUE),
                f.integer("treeSize", 1, Fields.MAX_SAFE_INTEGER), f.hash("root"));
        f.end();
        return h;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
