package org.phyle.node.http;

import org.phyle.core.Catalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import org.phyle.core.ParameterSpec;
import org.phyle.core.Parameters;
import org.phyle.core.SocietyView;
import org.phyle.core.tx.TxType;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SignedNote;
import org.phyle.crypto.StrictJson;
import org.phyle.node.Head;
import org.phyle.node.Receipt;
import org.phyle.node.store.StoredBlock;

/** The JSON shapes of the API. Hashes are lowercase hex; signatures base64url; times ms since the epoch. */
public final class Views {
    private Views() {
    }

    public static ObjectNode object() {
        return StrictJson.mapper().createObjectNode();
    }

    public static ArrayNode array() {
        return StrictJson.mapper().createArrayNode();
    }

    public static JsonNode parse(byte[] json) {
        return StrictJson.parse(json);
    }

    public static ObjectNode society(SocietyView s, SignedNote.Verifier verifier, Head head, long genesisTime) {
        ObjectNode o = object();
        o.put("id", s.id().hex());
        o.put("name", s.name());
        o.put("purpose", s.genesis().purpose());
        o.put("founder", s.founder().did());
        ObjectNode seq = o.putObject("sequencer");
        seq.put("did", s.sequencer().did());
        seq.put("vkey", verifier.vkey());
        o.put("origin", s.origin());
        o.put("genesisTime", genesisTime);
        o.put("height", head.height());
        o.put("treeSize", head.treeSize());
        o.put("time", head.time());
        o.set("parameters", parameters(s.parameters()));
        ArrayNode types = o.putArray("txTypes");
        for (TxType t : org.phyle.core.Catalog.TX_TYPES.all()) {
            types.addObject().put("type", t.name()).put("meaning", t.meaning());
        }
        ObjectNode notary = o.putObject("notary");
        notary.put("records", s.notary().recordCount());
        notary.put("digests", s.notary().digestCount());
        o.put("charter", s.charterHash().hex());
        o.set("stage", Views.object().put("id", s.handover().stage().json())
                .put("name", s.handover().stage().name(s.parameters()))
                .put("since", s.handover().entries().get(s.handover().entries().size() - 1).time())
                .put("founderRetired", s.handover().retired()));
        o.set("citizens", CitizenshipRoutes.counts(s));
        return o;
    }

    static ArrayNode parameters(Parameters p) {
        ArrayNode a = array();
        for (ParameterSpec spec : Catalog.PARAMETERS) {
            ObjectNode o = a.addObject().put("name", spec.name());
            if (spec.kind() == ParameterSpec.Kind.INTEGER) {
                o.put("value", p.get(spec));
            } else if (spec.kind() == ParameterSpec.Kind.NAME) {
                o.put("value", p.name(spec));
            } else {
                ArrayNode keys = o.putArray("value");
                p.keys(spec).forEach(k -> keys.add(k.did()));
            }
            o.put("unit", spec.unit()).put("meaning", spec.meaning());
        }
        return a;
    }

    public static ObjectNode head(Head h) {
        ObjectNode o = object();
        o.put("height", h.height());
        o.put("time", h.time());
        o.put("treeSize", h.treeSize());
        o.put("root", h.root().hex());
        o.put("checkpoint", h.checkpoint());
        return o;
    }

    public static ObjectNode block(StoredBlock b, boolean full) {
        ObjectNode o = object();
        o.put("height", b.height());
        o.put("time", b.time());
        o.put("firstLeaf", b.firstLeaf());
        o.put("txCount", b.txCount());
        o.put("hash", Hash.sha256(b.header()).hex());
        JsonNode header = StrictJson.parse(b.header());
        o.put("treeSize", header.get("treeSize").asLong());
        o.put("root", header.get("root").asText());
        if (full) {
            o.set("header", header);
            o.put("signature", base64url(b.signature()));
            o.put("checkpoint", b.checkpoint());
        }
        return o;
    }

    public static ObjectNode entry(long leaf, byte[] entry) {
        ObjectNode o = object();
        o.put("leaf", leaf);
        JsonNode parsed = StrictJson.parse(entry);
        o.put("txId", Hash.sha256(org.phyle.crypto.Jcs.canonicalize(parsed.get("payload"))).hex());
        o.set("entry", parsed);
        return o;
    }

    public static ObjectNode receipt(Receipt r) {
        ObjectNode o = object();
        o.put("txId", r.txId().hex());
        o.put("height", r.height());
        o.put("blockTime", r.blockTime());
        o.put("leafIndex", r.leafIndex());
        o.put("leafHash", r.leafHash().hex());
        o.put("treeSize", r.treeSize());
        o.set("inclusionProof", hashes(r.inclusionProof()));
        o.put("checkpoint", r.checkpoint());
        o.set("entry", StrictJson.parse(r.entry()));
        return o;
    }

    /**
     * One log entry as a record of what happened: its leaf, transaction id, block and time, type, signer and body.
     * Histories (of a digest, of a person) are lists of these.
     */
    public static ObjectNode logEntry(org.phyle.node.Node node, long leaf) {
        JsonNode payload = StrictJson.parse(node.store().entry(leaf).orElseThrow()).get("payload");
        long height = node.store().blockOfLeaf(leaf).orElseThrow();
        ObjectNode r = object();
        r.put("leaf", leaf);
        r.put("txId", Hash.sha256(org.phyle.crypto.Jcs.canonicalize(payload)).hex());
        r.put("height", height);
        r.put("time", node.store().block(height).orElseThrow().time());
        r.put("type", payload.get("type").asText());
        r.put("signer", payload.get("signer").asText());
        r.set("body", payload.get("body"));
        return r;
    }

    public static ArrayNode hashes(List<Hash> hashes) {
        ArrayNode a = array();
        hashes.forEach(h -> a.add(h.hex()));
        return a;
    }

    public static String base64url(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
