package org.phyle.core;

import org.phyle.core.canon.Canon;
import org.phyle.core.charter.Charter;
import org.phyle.core.charter.Handover;
import org.phyle.core.charter.Offices;
import org.phyle.core.citizenship.Registry;
import org.phyle.core.governance.Governance;
import org.phyle.core.notary.Notary;
import org.phyle.core.sortition.Sortition;
import org.phyle.core.tx.TxDecoder;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.VerifyingKey;

/**
 * A society as readers see it: its identity, its log, and each mechanism's read view. Nothing reached from here
 * changes state; the node answers every HTTP read through this, never through {@link Society}.
 */
public interface SocietyView {
    /** The society's id: the hash of its genesis payload. */
    Hash id();

    GenesisTx genesis();

    VerifiedTx genesisTx();

    String name();

    VerifyingKey founder();

    VerifyingKey sequencer();

    /** Time of the genesis block, ms since the epoch. */
    long genesisTime();

    /** Height of the last block applied. */
    long height();

    /** Time of the last block applied, ms since the epoch. */
    long time();

    Hash lastBlockHash();

    /** Number of entries in the log. */
    long treeSize();

    /** RFC 9162 root of the log. */
    Hash root();

    /** The origin line of this society's checkpoints (C2SP tlog-checkpoint). */
    String origin();

    /** True if a transaction with this id and expiry is already on the ledger (and not yet expired). */
    boolean isOnLedger(Hash txId, long expires);

    /** The decoder for this society's transactions. */
    TxDecoder decoder();

    /** The earliest time at which something is due at the end of a block (Long.MAX_VALUE: nothing). */
    long nextDue();

    /** The state digest: SHA-256 of the snapshot. Equal digests mean equal states. */
    Hash digest();

    /**
     * True if a block at this time would do something without any transaction: something is due at its end, or a
     * draw waits for the node's proof.
     */
    default boolean blockDue(long time) {
        return nextDue() <= time || !sortition().provable(time).isEmpty();
    }

    /** The read view of this type, offered by one of the society's mechanisms. */
    <V> V view(Class<V> type);

    /** The parameters in force: those of the charter's current version. */
    default Parameters parameters() {
        return charter().parameters();
    }

    /** The hash of the charter in force, which applicants and renewing citizens consent to. */
    default Hash charterHash() {
        return charter().hash();
    }

    default Charter charter() {
        return view(Charter.class);
    }

    /** The handover of power from the founder to the community: the stage reached, and the founder's retirement. */
    default Handover handover() {
        return view(Handover.class);
    }

    default Offices offices() {
        return view(Offices.class);
    }

    default Registry registry() {
        return view(Registry.class);
    }

    default Governance governance() {
        return view(Governance.class);
    }

    default Sortition sortition() {
        return view(Sortition.class);
    }

    default Canon canon() {
        return view(Canon.class);
    }

    default Notary notary() {
        return view(Notary.class);
    }
}
