package org.phyle.core;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.phyle.core.canon.Canon;
import org.phyle.core.canon.CanonTx;
import org.phyle.core.charter.Authority;
import org.phyle.core.charter.Charter;
import org.phyle.core.charter.CharterTx;
import org.phyle.core.charter.Handover;
import org.phyle.core.charter.Offices;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.governance.Governance;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.citizenship.Registry;
import org.phyle.core.notary.Notary;
import org.phyle.core.notary.NotaryTx;
import org.phyle.core.sortition.Sortition;
import org.phyle.core.sortition.SortitionTx;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.TxDecoder;
import org.phyle.core.tx.TxRules;
import org.phyle.core.tx.TxSigner;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.MerkleAccumulator;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;
import org.phyle.crypto.VerifyingKey;

/**
 * A society's whole state: a pure, deterministic function of its ledger. Blocks change it in two ways that give the
 * same result: a sequencer offers transactions one by one to a {@link BlockBuilder} and seals the block, and a
 * replica or auditor {@link #apply applies} a sealed block. No I/O, clock, threads, randomness or floating point.
 *
 * <p>Not thread-safe: one writer at a time, readers coordinated by the caller.
 */
public final class Society {
    private static final String SNAPSHOT_MAGIC = "phyle-state-v4";

    private final VerifiedTx genesisTx;
    private final GenesisTx genesis;
    private TxDecoder decoder;
    private final long genesisTime;
    private long height;
    private long time;
    private Hash lastBlockHash;
    private MerkleAccumulator log;
    private final ReplayGuard replay;
    private final Charter charter;
    private final Notary notary;
    private final Registry registry;
    private final Governance governance;
    private final Handover handover;
    private final Offices offices;
    private final Canon canon;
    private final Sortition sortition;
    private BlockBuilder openBlock;

    private Society(VerifiedTx genesisTx, long genesisTime, long height, long time, Hash lastBlockHash,
                    MerkleAccumulator log, ReplayGuard replay, Charter charter, Notary notary, Registry registry,
                    Governance governance, Handover handover, Offices offices, Canon canon, Sortition sortition) {
        this.genesisTx = genesisTx;
        this.genesis = (GenesisTx) genesisTx.body();
        this.genesisTime = genesisTime;
        this.height = height;
        this.time = time;
        this.lastBlockHash = lastBlockHash;
        this.log = log;
        this.replay = replay;
        this.charter = charter;
        this.notary = notary;
        this.registry = registry;
        this.governance = governance;
        this.handover = handover;
        this.offices = offices;
        this.canon = canon;
        this.sortition = sortition;
    }

    // ---- creation ----------------------------------------------------------------------------------------------

    /** The decoder for genesis transactions, which name no society yet. */
    public static TxDecoder genesisDecoder() {
        return new TxDecoder(Catalog.TX_TYPES, null, (int) TxRules.MAX_BYTES.max());
    }

    /** Makes the genesis block of a new society: the founder signs the genesis transaction, the sequencer the block. */
    public static Block createGenesis(SigningKey founder, String founderName, SigningKey sequencer, String name,
                                      String purpose, Parameters parameters, long time) {
        GenesisTx body = new GenesisTx(name, purpose, founderName, sequencer.verifyingKey(), parameters);
        long expires = time + parameters.get(TxRules.MAX_LIFETIME) * 1000;
        byte[] envelope = Jcs.canonicalize(TxSigner.sign(null, founder, body, TxSigner.randomNonce(), expires));
        VerifiedTx tx = genesisDecoder().decode(envelope);
        MerkleAccumulator log = new MerkleAccumulator();
        log.append(tx.leafHash());
        BlockHeader header = new BlockHeader(tx.id(), 0, Hash.ZERO, time, 0, 1, 1, log.root());
        return new Block(header, sequencer.sign(header.signingMessage()), List.of(tx));
    }

    /** The state right after the genesis block, which is checked completely. */
    public static Society fromGenesis(Block block) {
        BlockHeader h = block.header();
        if (h.height() != 0 || !h.prev().equals(Hash.ZERO) || h.firstLeaf() != 0 || block.txs().size() != 1
                || h.txCount() != 1) {
            throw new InvalidBlockException(h.height(), "a genesis block has height 0, no previous block, and one "
                    + "transaction");
        }
        VerifiedTx tx = block.txs().get(0);
        if (!(tx.body() instanceof GenesisTx g)) {
            throw new InvalidBlockException(0, "the first transaction is " + tx.type() + ", not society.genesis");
        }
        if (!h.society().equals(tx.id())) {
            throw new InvalidBlockException(0, "the header names society " + h.society().hex()
                    + " but the genesis transaction's id is " + tx.id().hex());
        }
        if (!block.signedBy(g.sequencer())) {
            throw new InvalidBlockException(0, "not signed by the sequencer the genesis names");
        }
        try {
            TxRules.checkExpiry(tx, h.time(), g.parameters());
        } catch (Rejection r) {
            throw new InvalidBlockException(0, r.toString());
        }
        MerkleAccumulator log = new MerkleAccumulator();
        log.append(tx.leafHash());
        if (h.treeSize() != 1 || !h.root().equals(log.root())) {
            throw new InvalidBlockException(0, "the header's tree does not hold exactly the genesis entry");
        }
        ReplayGuard replay = new ReplayGuard();
        replay.add(tx);
        Charter charter = Charter.founding(g, tx.id(), h.time());
        Registry registry = Registry.withFounder(tx.id(), tx.signer(), g.founderName(), charter.hash(), h.time(),
                g.parameters());
        return new Society(tx, h.time(), 0, h.time(), h.hash(), log, replay, charter, new Notary(), registry,
                new Governance(), Handover.founding(h.time()), Offices.empty(), new Canon(), new Sortition());
    }

    // ---- identity and read API ---------------------------------------------------------------------------------

    /** The society's id: the hash of its genesis payload. */
    public Hash id() {
        return genesisTx.id();
    }

    public GenesisTx genesis() {
        return genesis;
    }

    public VerifiedTx genesisTx() {
        return genesisTx;
    }

    public String name() {
        return genesis.name();
    }

    public VerifyingKey founder() {
        return genesisTx.signer();
    }

    public VerifyingKey sequencer() {
        return genesis.sequencer();
    }

    /** The parameters in force: those of the charter's current version. */
    public Parameters parameters() {
        return charter.parameters();
    }

    /** Time of the genesis block, ms since the epoch. */
    public long genesisTime() {
        return genesisTime;
    }

    /** The hash of the charter in force, which applicants and renewing citizens consent to. */
    public Hash charterHash() {
        return charter.hash();
    }

    public Charter charter() {
        return charter;
    }

    public Governance governance() {
        return governance;
    }

    /** The handover of power from the founder to the community: the stage reached, and the founder's retirement. */
    public Handover handover() {
        return handover;
    }

    public Offices offices() {
        return offices;
    }

    public Canon canon() {
        return canon;
    }

    public Sortition sortition() {
        return sortition;
    }

    /** The earliest time at which something is due to happen at the end of a block (Long.MAX_VALUE: nothing). */
    public long nextDue() {
        return Math.min(Math.min(governance.nextDue(), handover.backstopDue(parameters())), sortition.nextDue(time));
    }

    /** The decoder for this society's transactions (its size limit follows the parameter in force). */
    public TxDecoder decoder() {
        int maxBytes = (int) parameters().get(TxRules.MAX_BYTES);
        TxDecoder d = decoder;
        if (d == null || d.maxBytes() != maxBytes) {
            d = new TxDecoder(Catalog.TX_TYPES, genesisTx.id(), maxBytes);
            decoder = d;
        }
        return d;
    }

    /** The origin line of this society's checkpoints (C2SP tlog-checkpoint). */
    public String origin() {
        return originOf(id());
    }

    public static String originOf(Hash society) {
        return "phyle/" + society.hex();
    }

    /** Height of the last block applied. */
    public long height() {
        return height;
    }

    /** Time of the last block applied, ms since the epoch. */
    public long time() {
        return time;
    }

    public Hash lastBlockHash() {
        return lastBlockHash;
    }

    /** Number of entries in the log. */
    public long treeSize() {
        return log.size();
    }

    /** RFC 9162 root of the log. */
    public Hash root() {
        return log.root();
    }

    /** True if a transaction with this id and expiry is already on the ledger (and not yet expired). */
    public boolean isOnLedger(Hash txId, long expires) {
        return replay.contains(txId, expires);
    }

    /** How many transaction ids replay protection holds now. */
    public long replayGuardSize() {
        return replay.size();
    }

    public Notary notary() {
        return notary;
    }

    public Registry registry() {
        return registry;
    }

    // ---- blocks ------------------------------------------------------------------------------------------------

    /** Starts a block; its time is the given time or the last block's, whichever is later. */
    public BlockBuilder newBlock(long proposedTime) {
        if (openBlock != null) {
            throw new IllegalStateException("a block is already being built");
        }
        openBlock = new BlockBuilder(this, height + 1, Math.max(proposedTime, time), log.size());
        return openBlock;
    }

    /**
     * Applies a sealed block, checking everything: link, signature, every transaction, and the resulting root. If it
     * throws after some transactions were applied, this state is damaged and must be thrown away.
     */
    public void apply(Block block) {
        BlockHeader h = block.header();
        if (openBlock != null) {
            throw new IllegalStateException("a block is being built");
        }
        if (!h.society().equals(id())) {
            throw new InvalidBlockException(h.height(), "is for society " + h.society().hex());
        }
        if (h.height() != height + 1) {
            throw new InvalidBlockException(h.height(), "expected block " + (height + 1));
        }
        if (!h.prev().equals(lastBlockHash)) {
            throw new InvalidBlockException(h.height(), "does not link to block " + height + " (prev "
                    + h.prev().hex() + ", expected " + lastBlockHash.hex() + ")");
        }
        if (h.time() < time) {
            throw new InvalidBlockException(h.height(), "time " + h.time() + " is before the previous block's " + time);
        }
        if (h.firstLeaf() != log.size() || h.txCount() != block.txs().size()) {
            throw new InvalidBlockException(h.height(), "claims leaves " + h.firstLeaf() + "+" + h.txCount()
                    + " but holds " + block.txs().size() + " transactions after leaf " + log.size());
        }
        if (!block.signedBy(sequencer())) {
            throw new InvalidBlockException(h.height(), "signature does not verify with the sequencer key "
                    + sequencer().did());
        }
        for (VerifiedTx tx : block.txs()) {
            try {
                applyTx(tx, h.time(), h.height(), log.size());
            } catch (Rejection r) {
                throw new InvalidBlockException(h.height(), "transaction " + tx.id().hex() + " at leaf " + log.size()
                        + " is refused: " + r);
            }
        }
        if (log.size() != h.treeSize() || !log.root().equals(h.root())) {
            throw new InvalidBlockException(h.height(), "root after the block is " + log.root().hex() + " at size "
                    + log.size() + ", the header says " + h.root().hex() + " at size " + h.treeSize());
        }
        finishBlock(h);
    }

    /** The one place a transaction changes state; throws a Rejection, having changed nothing, if it is refused. */
    void applyTx(VerifiedTx tx, long blockTime, long blockHeight, long leafIndex) {
        if (tx.society() == null || !tx.society().equals(id())) {
            throw new Rejection(TxCode.WRONG_SOCIETY, "transaction is not for society " + id().hex());
        }
        TxRules.checkExpiry(tx, blockTime, parameters());
        replay.check(tx);
        TxContext ctx = new TxContext(this, tx, blockTime, blockHeight, leafIndex);
        switch (tx.body()) {
            case NotaryTx n -> notary.apply(n, ctx);
            case CitizenshipTx c -> registry.apply(c, ctx);
            case GovernanceTx g -> governance.apply(g, ctx);
            case CharterTx c -> Authority.apply(c, ctx);
            case CanonTx c -> canon.apply(c, ctx);
            case SortitionTx st -> sortition.apply(st, ctx);
            case GenesisTx g -> throw new Rejection(TxCode.GENESIS_ONLY, "this society already has its genesis");
            default -> throw new IllegalStateException("no mechanism applies " + tx.type());
        }
        replay.add(tx);
        log.append(tx.leafHash());
    }

    /** What every block ends with, sealed or applied: what is due happens, then the block is the last one. */
    void finishBlock(BlockHeader h) {
        governance.endBlock(this, h.time(), h.height());
        handover.endBlock(registry.activeCitizens(h.time()), parameters(), h.time(), h.height());
        replay.expireBefore(h.time());
        height = h.height();
        time = h.time();
        lastBlockHash = h.hash();
        openBlock = null;
    }

    void closeEmptyBlock() {
        openBlock = null;
    }

    /** The log accumulator, for the block builder. */
    MerkleAccumulator log() {
        return log;
    }

    // ---- snapshots and digest ----------------------------------------------------------------------------------

    /** Writes the whole state; returns its digest, the SHA-256 of exactly the bytes written. */
    public Hash writeSnapshot(OutputStream out) {
        if (openBlock != null) {
            throw new IllegalStateException("cannot snapshot in the middle of a block");
        }
        StateWriter w = new StateWriter(out);
        w.writeString(SNAPSHOT_MAGIC);
        w.writeBytes(genesisTx.entry());
        w.writeLong(genesisTime);
        w.writeLong(height);
        w.writeLong(time);
        w.writeHash(lastBlockHash);
        w.writeLong(log.size());
        List<Hash> peaks = log.peaks();
        w.writeInt(peaks.size());
        peaks.forEach(w::writeHash);
        replay.write(w);
        charter.write(w);
        notary.write(w);
        registry.write(w);
        governance.write(w);
        handover.write(w);
        offices.write(w);
        canon.write(w);
        sortition.write(w);
        return w.finish();
    }

    /** The state digest: SHA-256 of the snapshot. Equal digests mean equal states. */
    public Hash digest() {
        return writeSnapshot(OutputStream.nullOutputStream());
    }

    public static Society readSnapshot(InputStream in) {
        StateReader r = new StateReader(in);
        String magic = r.readString();
        if (!magic.equals(SNAPSHOT_MAGIC)) {
            throw new StateReader.CorruptStateException("not a phyle state snapshot (" + magic + ")");
        }
        VerifiedTx genesisTx;
        try {
            genesisTx = genesisDecoder().decode(StrictJson.parse(r.readBytes()));
        } catch (Rejection | IllegalArgumentException e) {
            throw new StateReader.CorruptStateException("snapshot's genesis does not decode: " + e.getMessage());
        }
        long genesisTime = r.readLong();
        long height = r.readLong();
        long time = r.readLong();
        Hash lastBlockHash = r.readHash();
        long size = r.readLong();
        int peakCount = r.readCount();
        List<Hash> peaks = new ArrayList<>(peakCount);
        for (int i = 0; i < peakCount; i++) {
            peaks.add(r.readHash());
        }
        MerkleAccumulator log;
        try {
            log = MerkleAccumulator.restore(size, peaks);
        } catch (IllegalArgumentException e) {
            throw new StateReader.CorruptStateException(e.getMessage());
        }
        ReplayGuard replay = ReplayGuard.read(r);
        Charter charter = Charter.read(r);
        Notary notary = Notary.read(r);
        Registry registry = Registry.read(r);
        Governance governance = Governance.read(r);
        Handover handover = Handover.read(r);
        Offices offices = Offices.read(r);
        Canon canon = Canon.read(r);
        Sortition sortition = Sortition.read(r);
        r.end();
        return new Society(genesisTx, genesisTime, height, time, lastBlockHash, log, replay, charter, notary, registry,
                governance, handover, offices, canon, sortition);
    }
}
