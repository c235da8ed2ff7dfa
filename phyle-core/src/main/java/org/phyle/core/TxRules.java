package org.phyle.core;

import java.time.Instant;
import java.util.List;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.VerifiedTx;

/** The rules every transaction meets whatever its type: size and lifetime. */
public final class TxRules {
    public static final ParameterSpec MAX_LIFETIME = new ParameterSpec("tx.maxLifetimeSeconds", 3600, 60, 7 * 86400,
            "seconds", "How far after the block time a transaction's expiry may lie; replay protection remembers "
            + "a transaction id this long.");
    public static final ParameterSpec MAX_BYTES = new ParameterSpec("tx.maxBytes", 16384, 1024, 1 << 20, "bytes",
            "The largest canonical transaction envelope accepted.");

    public static final List<ParameterSpec> PARAMETERS =
            java.util.stream.Stream.concat(java.util.stream.Stream.of(MAX_LIFETIME, MAX_BYTES), org.phyle.core.tx.WriteQuota.PARAMETERS.stream()).toList();

    private TxRules() {
    }

    /** Refuses a transaction that is void at this block time. */
    public static void checkExpiry(VerifiedTx tx, long blockTime, Parameters parameters) {
        if (tx.expires() < blockTime) {
            throw new Rejection(TxCode.TX_EXPIRED, "transaction expired at " + Instant.ofEpochMilli(tx.expires())
                    + ", before block time " + Instant.ofEpochMilli(blockTime));
        }
        long maxLifetimeMs = parameters.get(MAX_LIFETIME) * 1000;
        if (tx.expires() - blockTime > maxLifetimeMs) {
            throw new Rejection(TxCode.EXPIRY_TOO_FAR, "transaction expires at " + Instant.ofEpochMilli(tx.expires())
                    + ", more than " + parameters.get(MAX_LIFETIME) + " s after block time "
                    + Instant.ofEpochMilli(blockTime));
        }
    }
}
