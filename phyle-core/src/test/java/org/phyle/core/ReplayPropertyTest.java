package org.phyle.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;

/**
 * Property: whatever mix of valid and invalid transactions a sequencer is offered, replaying the blocks it sealed from
 * genesis reproduces its state digest exactly, after every block, and so does restoring a snapshot and going on.
 * Each seed is one generated history; a failure names its seed, which reproduces it.
 */
class ReplayPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void replayingTheSealedBlocksReproducesTheState(long seed) {
        Random random = new Random(seed);
        Fixture f = new Fixture();
        List<SigningKey> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            keys.add(SigningKey.fromSeed(Fixture.seed(100 + i)));
        }
        List<VerifiedTx> seen = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        List<Hash> digests = new ArrayList<>();
        long time = Fixture.T0;
        byte[] snapshot = null;
        int snapshotAfter = -1;

        int blockCount = 1 + random.nextInt(12);
        for (int b = 0; b < blockCount; b++) {
            time += random.nextInt(3) == 0 ? 0 : random.nextInt(2_000_000);
            BlockBuilder builder = f.society.newBlock(time - random.nextInt(2) * 5000);
            int offers = 1 + random.nextInt(15);
            for (int i = 0; i < offers; i++) {
                VerifiedTx tx;
                if (!seen.isEmpty() && random.nextInt(5) == 0) {
                    tx = seen.get(random.nextInt(seen.size())); // a replay, possibly expired by now
                } else {
                    long expires = time + random.nextInt(4_000_000) - 200_000; // some expired, some too far
                    String label = "label " + random.nextInt(6);
                    tx = f.tx(keys.get(random.nextInt(keys.size())), new NotaryRecord(
                            Hash.sha256(label.getBytes()), label,
                            random.nextBoolean() ? Optional.empty() : Optional.of("text " + random.nextInt())), expires);
                }
                seen.add(tx);
                builder.offer(tx);
            }
            if (builder.isEmpty()) {
                builder.abandon();
                continue;
            }
            blocks.add(builder.seal(f.sequencer));
            digests.add(f.society.digest());
            if (snapshot == null && random.nextInt(3) == 0) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                f.society.writeSnapshot(out);
                snapshot = out.toByteArray();
                snapshotAfter = blocks.size();
            }
        }

        Society replica = Society.fromGenesis(f.genesisBlock);
        for (int i = 0; i < blocks.size(); i++) {
            replica.apply(blocks.get(i));
            assertThat(replica.digest()).as("digest after block %d (seed %d)", i + 1, seed).isEqualTo(digests.get(i));
        }
        assertThat(replica.root()).isEqualTo(f.society.root());

        if (snapshot != null) {
            Society restored = Society.readSnapshot(new ByteArrayInputStream(snapshot));
            for (int i = snapshotAfter; i < blocks.size(); i++) {
                restored.apply(blocks.get(i));
            }
            assertThat(restored.digest()).isEqualTo(f.society.digest());
        }
    }
}
