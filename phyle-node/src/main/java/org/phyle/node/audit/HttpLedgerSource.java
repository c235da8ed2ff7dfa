package org.phyle.node.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.node.client.NodeClient;
import org.phyle.node.store.StoredBlock;

/** Reads a ledger from a node's public API, in pages. */
public final class HttpLedgerSource implements LedgerSource {
    private static final int BLOCK_PAGE = 1000;
    private static final int ENTRY_PAGE = 1000;

    private final NodeClient client;
    private final Claim claim;

    public HttpLedgerSource(NodeClient client) {
        this.client = client;
        JsonNode state = client.state();
        this.claim = new Claim(state.get("height").asLong(), state.get("treeSize").asLong(),
                Hash.fromHex(state.get("digest").asText()));
    }

    @Override
    public String describe() {
        return client.base().toString();
    }

    @Override
    public long lastHeight() {
        return claim.height();
    }

    @Override
    public List<Claim> claims() {
        return List.of(claim);
    }

    @Override
    public String latestCheckpoint() {
        return client.checkpoint();
    }

    @Override
    public List<StoredBlock> blocks(long from, long to) {
        List<StoredBlock> out = new ArrayList<>();
        for (long h = from; h < to; h += BLOCK_PAGE) {
            for (JsonNode b : client.blocks(h, (int) Math.min(BLOCK_PAGE, to - h)).get("blocks")) {
                out.add(new StoredBlock(b.get("height").asLong(), b.get("firstLeaf").asLong(), b.get("txCount").asInt(),
                        b.get("time").asLong(), Jcs.canonicalize(b.get("header")),
                        Base64.getUrlDecoder().decode(b.get("signature").asText()), b.get("checkpoint").asText()));
            }
        }
        return out;
    }

    @Override
    public List<Entry> entries(long start, long end) {
        List<Entry> out = new ArrayList<>((int) (end - start));
        for (long s = start; s < end; s += ENTRY_PAGE) {
            for (JsonNode e : client.entries(s, Math.min(end, s + ENTRY_PAGE)).get("entries")) {
                out.add(Entry.json(e.get("entry")));
            }
        }
        return out;
    }

    @Override
    public List<Hash> consistencyProof(long from, long to) {
        List<Hash> proof = new ArrayList<>();
        for (JsonNode h : client.consistency(from, to).get("proof")) {
            proof.add(Hash.fromHex(h.asText()));
        }
        return proof;
    }
}
