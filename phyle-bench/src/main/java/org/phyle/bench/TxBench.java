package org.phyle.bench;

import org.phyle.core.Catalog;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.phyle.core.Block;
import org.phyle.core.BlockBuilder;
import org.phyle.core.Parameters;
import org.phyle.core.Society;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.core.tx.TxSigner;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;

/**
 * The per-transaction costs outside the signature: decoding an envelope (parse, field checks, RFC 8785, hashes and the
 * signature), canonicalizing, and applying verified transactions to the state (sequencer and replay paths).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TxBench {
    static final int BLOCK = 1000;

    SigningKey founder;
    SigningKey sequencer;
    Block genesis;
    Society society;
    List<byte[]> envelopes;
    List<VerifiedTx> txs;
    Block block;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        founder = SigningKey.generate();
        sequencer = SigningKey.generate();
        long now = System.currentTimeMillis();
        genesis = Society.createGenesis(founder, "Founder", sequencer, "Bench", "Measure.",
                Catalog.defaultParameters(), now, org.phyle.node.client.Nonces.random());
        society = Society.fromGenesis(genesis);
        List<SigningKey> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            keys.add(SigningKey.generate());
        }
        envelopes = new ArrayList<>();
        txs = new ArrayList<>();
        for (int i = 0; i < BLOCK; i++) {
            String label = "benchmark record " + i;
            byte[] e = Jcs.canonicalize(TxSigner.sign(society.id(), keys.get(i % keys.size()),
                    new NotaryRecord(Hash.sha256(label.getBytes(StandardCharsets.UTF_8)), label, Optional.empty()),
                    "n" + i, now + 600_000));
            envelopes.add(e);
            txs.add(society.decoder().decode(e));
        }
        Society scratch = Society.fromGenesis(genesis);
        BlockBuilder builder = scratch.newBlock(now + 1);
        txs.forEach(builder::offer);
        block = builder.seal(sequencer);
    }

    @Benchmark
    public VerifiedTx decode() {
        return society.decoder().decode(envelopes.get(next++ % BLOCK));
    }

    @Benchmark
    public byte[] canonicalize() {
        JsonNode parsed = StrictJson.parse(envelopes.get(next++ % BLOCK));
        return Jcs.canonicalize(parsed);
    }

    /** The sequencer's path: offer 1000 verified transactions to a block and seal it. */
    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public Block buildBlock() {
        Society s = Society.fromGenesis(genesis);
        BlockBuilder builder = s.newBlock(genesis.header().time() + 1);
        txs.forEach(builder::offer);
        return builder.seal(sequencer);
    }

    /** A replica's or auditor's path: apply a sealed block of 1000 (header signature, link, every tx, root). */
    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public Society applyBlock() {
        Society s = Society.fromGenesis(genesis);
        s.apply(block);
        return s;
    }
}
