package org.phyle.node;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;

/** Signed transactions for node tests. */
public final class Txs {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Txs() {
    }

    public static NotaryRecord record(String label) {
        return new NotaryRecord(Hash.sha256(label.getBytes(StandardCharsets.UTF_8)), label, Optional.empty());
    }

    public static ObjectNode notaryJson(Hash society, SigningKey key, String label) {
        return TxSigner.sign(society, key, record(label), "t" + COUNTER.incrementAndGet(),
                System.currentTimeMillis() + 600_000);
    }

    public static byte[] notary(Hash society, SigningKey key, String label) {
        return Jcs.canonicalize(notaryJson(society, key, label));
    }

    public static byte[] notary(Hash society, SigningKey key, String label, long expires) {
        return Jcs.canonicalize(TxSigner.sign(society, key, record(label), "t" + COUNTER.incrementAndGet(), expires));
    }
}
