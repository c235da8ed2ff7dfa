package org.phyle.core;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.TxDecoder;
import org.phyle.core.tx.TxSigner;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.MerkleAccumulator;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;
import org.phyle.crypto.VerifyingKey;

/**
 * A society's whole state: a pure, deterministic function of its ledger. It keeps the log, replay protection and the
 * chain of blocks, and composes its mechanisms ({@link Composition}): it dispatches each transaction to the
 * mechanism that declares its type, routes the effects mechanisms send one another, ends every block in each, and
 * writes and reads their slices of the snapshot — knowing nothing of any one of them.
 *
 * <p>Blocks change it in two ways that give the same result: a sequencer offers transactions one by one to a
 * {@link BlockBuilder} and seals the block, and a replica or auditor {@link #apply applies} a sealed block. No I/O,
 * clock, threads, randomness or floating point. Not thread-safe: one writer at a time, readers coordinated by the
 * caller; readers get the {@link SocietyView}.
 */
public final class Society implements SocietyView {
    private static final String SNAPSHOT_MAGIC = "phyle-state-v7";

    private final Composition composition;
    private final VerifiedTx genesisTx;
    private final GenesisTx genesis;
    private final Facts facts;
    private TxDecoder decoder;
    private long height;
    private long time;
    private Hash lastBlockHash;
    private MerkleAccumulator log;
    private ReplayGuard replay;
    private BlockBuilder openBlock;

    private Society(Composition composition, VerifiedTx genesisTx, long genesisTime) {
        this.composition = composition;
        this.genesisTx = genesisTx;
        this.genesis = (GenesisTx) genesisTx.body();
        this.facts = new Facts(genesisTx.id(), genesisTx.signer(), genesis.sequencer(), genesisTime);
        Reads.Head head = new Reads.Head() {
            public long height() {
                return height;
            }

            public long time() {
                return time;
            }
        };
        composition.reads().offer(new View<>(Reads.Head.class, head));
    }

    // ---- creation ----------------------------------------------------------------------------------------------

    /** The decoder for genesis transactions of the standard composition, which name no society yet. */
    public static TxDecoder genesisDecoder() {
        return genesisDecoder(Catalog.standard());
    }

    private static TxDecoder genesisDecoder(Composition c) {
        return new TxDecoder(c.txTypes(), null, (int) TxRules.MAX_BYTES.max());
    }

    /**
     * Makes the genesis block of a new society: the founder signs the genesis transaction (with the nonce given: the
     * core draws no random numbers), the sequencer the block.
     */
    public static Block createGenesis(SigningKey founder, String founderName, SigningKey sequencer, String name,
                                      String purpose, Parameters parameters, long time, String nonce) {
        return createGenesis(founder, founderName, sequencer, name, purpose, parameters, time, nonce,
                Catalog::standard);
    }

    public static Block createGenesis(SigningKey founder, String founderName, SigningKey sequencer, String name,
                                      String purpose, Parameters parameters, long time, String nonce,
                                      Supplier<Composition> composition) {
        GenesisTx body = new GenesisTx(name, purpose, founderName, sequencer.verifyingKey(), parameters);
        long expires = time + parameters.get(TxRules.MAX_LIFETIME) * 1000;
        byte[] envelope = Jcs.canonicalize(TxSigner.sign(null, founder, body, nonce, expires));
        VerifiedTx tx = genesisDecoder(composition.get()).decode(envelope);
        MerkleAccumulator log = new MerkleAccumulator();
        log.append(tx.leafHash());
        BlockHeader header = new BlockHeader(tx.id(), 0, Hash.ZERO, time, 0, 1, 1, log.root());
        return new Block(header, sequencer.sign(header.signingMessage()), List.of(tx));
    }

    /** The state right after the genesis block, which is checked completely, with the standard mechanisms. */
    public static Society fromGenesis(Block block) {
        return fromGenesis(block, Catalog::standard);
    }

    /** The state right after the genesis block, with these mechanisms. */
    public static Society fromGenesis(Block block, Supplier<Composition> mechanisms) {
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
        Society s = new Society(mechanisms.get(), tx, h.time());
        s.time = h.time();
        s.lastBlockHash = h.hash();
        s.log = log;
        s.replay = new ReplayGuard();
        s.replay.add(tx);
        Founding founding = new Founding(tx.id(), g.name(), g.purpose(), tx.signer(), g.founderName(), g.sequencer(),
                g.parameters(), h.time());
        for (Mechanism m : s.composition.mechanisms()) {
            m.genesis(founding);
        }
        return s;
    }

    // ---- identity and read API ---------------------------------------------------------------------------------

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

    public long genesisTime() {
        return facts.genesisTime();
    }

    /** The mechanisms of this society and what they declare. */
    public Composition composition() {
        return composition;
    }

    public <V> V view(Class<V> type) {
        return composition.reads().view(type);
    }

    @Override
    public Parameters parameters() {
        return composition.reads().parameters();
    }

    public long nextDue() {
        long due = Long.MAX_VALUE;
        for (Mechanism m : composition.mechanisms()) {
            due = Math.min(due, m.nextDue(time));
        }
        return due;
    }

    public TxDecoder decoder() {
        int maxBytes = (int) parameters().get(TxRules.MAX_BYTES);
        TxDecoder d = decoder;
        if (d == null || d.maxBytes() != maxBytes) {
            d = new TxDecoder(composition.txTypes(), genesisTx.id(), maxBytes);
            decoder = d;
        }
        return d;
    }

    public String origin() {
        return originOf(id());
    }

    public static String originOf(Hash society) {
        return "phyle/" + society.hex();
    }

    public long height() {
        return height;
    }

    public long time() {
        return time;
    }

    public Hash lastBlockHash() {
        return lastBlockHash;
    }

    public long treeSize() {
        return log.size();
    }

    public Hash root() {
        return log.root();
    }

    public boolean isOnLedger(Hash txId, long expires) {
        return replay.contains(txId, expires);
    }

    /** How many transaction ids replay protection holds now. */
    public long replayGuardSize() {
        return replay.size();
    }

    // ---- blocks ------------------------------------------------------------------------------------------------

    /** Starts a block; its time is the given time or the last block's, whichever is later. */
    public BlockBuilder newBlock(long proposedTime) {
        if (openBlock != null) {
            throw new IllegalStateException("a block is already being built");
        }
        openBlock = new BlockBuilder(new BlockBuilder.Target() {
            public Hash id() {
                return Society.this.id();
            }

            public VerifyingKey sequencer() {
                return Society.this.sequencer();
            }

            public Hash lastBlockHash() {
                return lastBlockHash;
            }

            public MerkleAccumulator log() {
                return log;
            }

            public void applyTx(VerifiedTx tx, long time, long height, long leaf) {
                Society.this.applyTx(tx, time, height, leaf);
            }

            public void finishBlock(BlockHeader header) {
                Society.this.finishBlock(header);
            }

            public void closeEmptyBlock() {
                openBlock = null;
            }
        }, height + 1, Math.max(proposedTime, time), log.size());
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

    /**
     * The one place a transaction changes state: the envelope's rules, then the mechanism that declares its type.
     * Throws a Rejection, having changed nothing, if it is refused.
     */
    private void applyTx(VerifiedTx tx, long blockTime, long blockHeight, long leafIndex) {
        if (tx.society() == null || !tx.society().equals(id())) {
            throw new Rejection(TxCode.WRONG_SOCIETY, "transaction is not for society " + id().hex());
        }
        TxRules.checkExpiry(tx, blockTime, parameters());
        replay.check(tx);
        Mechanism m = composition.mechanismFor(tx.type());
        if (m == null) {
            if (tx.body() instanceof GenesisTx) {
                throw new Rejection(TxCode.GENESIS_ONLY, "this society already has its genesis");
            }
            throw new IllegalStateException("no mechanism applies " + tx.type());
        }
        m.apply(tx.body(), new TxContext(tx, context(blockTime, blockHeight, leafIndex)));
        replay.add(tx);
        log.append(tx.leafHash());
    }

    private BlockContext context(long blockTime, long blockHeight, long leafIndex) {
        return new BlockContext(blockTime, blockHeight, leafIndex, facts, composition.reads(), composition::route);
    }

    /** What every block ends with, sealed or applied: what is due happens, then the block is the last one. */
    private void finishBlock(BlockHeader h) {
        BlockContext ctx = context(h.time(), h.height(), log.size());
        for (Mechanism m : composition.mechanisms()) {
            m.endBlock(ctx);
        }
        replay.expireBefore(h.time());
        height = h.height();
        time = h.time();
        lastBlockHash = h.hash();
        openBlock = null;
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
        w.writeLong(facts.genesisTime());
        w.writeLong(height);
        w.writeLong(time);
        w.writeHash(lastBlockHash);
        w.writeLong(log.size());
        List<Hash> peaks = log.peaks();
        w.writeInt(peaks.size());
        peaks.forEach(w::writeHash);
        replay.write(w);
        for (Mechanism m : composition.mechanisms()) {
            w.writeString(m.declarations().name());
            m.write(w);
        }
        return w.finish();
    }

    /** The state digest: SHA-256 of the snapshot. Equal digests mean equal states. */
    public Hash digest() {
        return writeSnapshot(OutputStream.nullOutputStream());
    }

    public static Society readSnapshot(InputStream in) {
        return readSnapshot(in, Catalog::standard);
    }

    public static Society readSnapshot(InputStream in, Supplier<Composition> mechanisms) {
        StateReader r = new StateReader(in);
        String magic = r.readString();
        if (!magic.equals(SNAPSHOT_MAGIC)) {
            throw new StateReader.CorruptStateException("not a phyle state snapshot of this version (" + magic + ")");
        }
        Composition composition = mechanisms.get();
        VerifiedTx genesisTx;
        try {
            genesisTx = genesisDecoder(composition).decode(StrictJson.parse(r.readBytes()));
        } catch (Rejection | IllegalArgumentException e) {
            throw new StateReader.CorruptStateException("snapshot's genesis does not decode: " + e.getMessage());
        }
        Society s = new Society(composition, genesisTx, r.readLong());
        s.height = r.readLong();
        s.time = r.readLong();
        s.lastBlockHash = r.readHash();
        long size = r.readLong();
        int peakCount = r.readCount();
        List<Hash> peaks = new ArrayList<>(peakCount);
        for (int i = 0; i < peakCount; i++) {
            peaks.add(r.readHash());
        }
        try {
            s.log = MerkleAccumulator.restore(size, peaks);
        } catch (IllegalArgumentException e) {
            throw new StateReader.CorruptStateException(e.getMessage());
        }
        s.replay = ReplayGuard.read(r);
        for (Mechanism m : composition.mechanisms()) {
            String name = r.readString();
            if (!name.equals(m.declarations().name())) {
                throw new StateReader.CorruptStateException("the snapshot holds " + name + " where this society has "
                        + m.declarations().name());
            }
            m.read(r, composition.reads());
        }
        r.end();
        return s;
    }
}
