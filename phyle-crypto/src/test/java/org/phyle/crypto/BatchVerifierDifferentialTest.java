package org.phyle.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phyle.crypto.ed25519.EdwardsPoint;
import org.phyle.crypto.ed25519.Scalars;

/**
 * The batch verdict equals the single verdict ({@link VerifyingKey#verify}, the pinned rule of docs/signatures.md):
 * on every CCTV and Wycheproof vector, placed in batches of every size from 1 to 64 (and larger) among valid and
 * invalid neighbours, and on generated signatures with random corruptions. The generated count is
 * {@code -Dphyle.diff.count=N} (default 3,000; run 1,000,000 on demand, see docs/testing.md).
 */
class BatchVerifierDifferentialTest {
    private static final int GENERATED = Integer.getInteger("phyle.diff.count", 3_000);

    /** The vectors whose key the ledger accepts (a refused key never reaches either verifier). */
    private static List<BatchVerifier.Item> vectorItems() {
        List<BatchVerifier.Item> items = new ArrayList<>();
        List<SignatureVectors.Vector> all = new ArrayList<>(SignatureVectors.cctv());
        all.addAll(SignatureVectors.wycheproof());
        for (SignatureVectors.Vector v : all) {
            VerifyingKey key;
            try {
                key = VerifyingKey.fromBytes(v.key());
            } catch (InvalidKeyException e) {
                assertThat(v.expected()).as(v.name()).isFalse();
                continue;
            }
            items.add(new BatchVerifier.Item(key, v.message(), v.signature()));
        }
        return items;
    }

    @Test
    void vectorItemsIncludeBothVerdictsAndTheCofactorCases() {
        List<BatchVerifier.Item> items = vectorItems();
        long valid = items.stream().filter(BatchVerifierDifferentialTest::single).count();
        assertThat(valid).isEqualTo(16 + 88); // the CCTV vectors the rule accepts and Wycheproof's valid ones
        assertThat(items.size() - valid).isGreaterThan(60);
    }

    static IntStream batchSizes() {
        return IntStream.concat(IntStream.rangeClosed(1, 64), IntStream.of(100, 128, 255, 1024));
    }

    @ParameterizedTest(name = "batches of {0}")
    @MethodSource("batchSizes")
    void everyVectorInBatchesOfThisSizeGetsItsSingleVerdict(int size) {
        Random random = new Random(size);
        List<BatchVerifier.Item> items = new ArrayList<>(vectorItems());
        items.addAll(generated(random, 40));
        Collections.shuffle(items, random);
        // every item once, in consecutive batches of this size (the last one shorter)
        for (int from = 0; from < items.size(); from += size) {
            assertBatchEqualsSingle(items.subList(from, Math.min(items.size(), from + size)));
        }
    }

    @Test
    void generatedSignaturesWithRandomCorruptions() {
        Random random = new Random(13);
        int done = 0;
        while (done < GENERATED) {
            int size = 1 + random.nextInt(Math.min(128, GENERATED - done));
            assertBatchEqualsSingle(generated(random, size));
            done += size;
        }
    }

    @Test
    void anAllValidBatchIsAllValidAndOneBadSignatureIsNamed() {
        Random random = new Random(7);
        SigningKey key = SigningKey.fromSeed(bytes(random, 32));
        List<BatchVerifier.Item> items = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            byte[] message = ("message " + i).getBytes(StandardCharsets.UTF_8);
            items.add(new BatchVerifier.Item(key.verifyingKey(), message, key.sign(message)));
        }
        assertThat(BatchVerifier.verify(items).allValid()).isTrue();
        byte[] bad = items.get(37).signature().clone();
        bad[40] ^= 4;
        items.set(37, new BatchVerifier.Item(key.verifyingKey(), items.get(37).message(), bad));
        BatchVerifier.Verdicts verdicts = BatchVerifier.verify(items);
        assertThat(verdicts.invalid()).containsExactly(37);
        assertThat(verdicts.isValid(36)).isTrue();
        assertThat(verdicts.size()).isEqualTo(64);
        assertThat(BatchVerifier.verify(List.of()).allValid()).isTrue();
    }

    /** Batches where most or all signatures are bad: each one is still named, and each good one kept. */
    @Test
    void denseFailuresAreLocatedOneByOne() {
        Random random = new Random(9);
        SigningKey key = KEYS.get(0);
        for (int pattern = 0; pattern < 3; pattern++) {
            List<BatchVerifier.Item> items = new ArrayList<>();
            List<Integer> bad = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                byte[] message = bytes(random, 30);
                byte[] signature = key.sign(message);
                boolean corrupt = switch (pattern) {
                    case 0 -> true;          // all bad
                    case 1 -> i % 2 == 0;    // every other one
                    default -> i == 0 || i == 63; // one at each end: both halves fail at the first split
                };
                if (corrupt) {
                    signature[40] ^= 1;
                    bad.add(i);
                }
                items.add(new BatchVerifier.Item(key.verifyingKey(), message, signature));
            }
            assertThat(BatchVerifier.verify(items).invalid()).as("pattern %d", pattern).isEqualTo(bad);
        }
    }

    /**
     * Signatures valid only under the cofactored equation pass the combined equation as one group (no splitting): the
     * batch equation is cofactored too. One broken among them fails it.
     */
    @Test
    void signaturesWithTorsionInRPassTheCombinedEquationAsOneGroup() {
        Random random = new Random(8);
        List<BatchVerifier.Item> items = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            SigningKey signer = KEYS.get(i % KEYS.size());
            byte[] message = bytes(random, 50);
            byte[] signature = i % 2 == 0 ? withTorsionInR(signer, message, random, false) : signer.sign(message);
            items.add(new BatchVerifier.Item(signer.verifyingKey(), message, signature));
            assertThat(single(items.get(i))).isTrue();
        }
        assertThat(BatchVerifier.combinedEquationHolds(items)).isTrue();
        SigningKey signer = KEYS.get(3);
        byte[] message = bytes(random, 50);
        items.set(10, new BatchVerifier.Item(signer.verifyingKey(), message, withTorsionInR(signer, message, random, true)));
        assertThat(BatchVerifier.combinedEquationHolds(items)).isFalse();
        assertThat(BatchVerifier.verify(items).invalid()).containsExactly(10);
    }

    private static void assertBatchEqualsSingle(List<BatchVerifier.Item> batch) {
        BatchVerifier.Verdicts verdicts = BatchVerifier.verify(batch);
        assertThat(verdicts.size()).isEqualTo(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            assertThat(verdicts.isValid(i)).as("item %d of a batch of %d", i, batch.size())
                    .isEqualTo(single(batch.get(i)));
        }
    }

    private static boolean single(BatchVerifier.Item item) {
        return item.key().verify(item.message(), item.signature());
    }

    // ---- generated signatures ----

    private static final List<SigningKey> KEYS = IntStream.range(0, 20)
            .mapToObj(i -> SigningKey.fromSeed(bytes(new Random(1000 + i), 32))).toList();

    /** Signatures by a few keys (so keys repeat within batches), about a third corrupted in one of many ways. */
    private static List<BatchVerifier.Item> generated(Random random, int count) {
        List<BatchVerifier.Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SigningKey signer = KEYS.get(random.nextInt(KEYS.size()));
            byte[] message = bytes(random, random.nextInt(200));
            byte[] signature = signer.sign(message);
            VerifyingKey key = signer.verifyingKey();
            switch (random.nextInt(14)) {
                case 0 -> signature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8)); // any bit
                case 1 -> signature[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8)); // a bit of R
                case 2 -> {
                    if (message.length > 0) {
                        message[random.nextInt(message.length)] ^= 1; // the message
                    } else {
                        message = new byte[] {0};
                    }
                }
                case 3 -> key = KEYS.get(random.nextInt(KEYS.size())).verifyingKey(); // maybe another key
                case 4 -> { // S + L: the same scalar, not canonical
                    BigInteger s = Scalars.toBigInteger(Arrays.copyOfRange(signature, 32, 64)).add(Scalars.ORDER);
                    System.arraycopy(Scalars.fromBigInteger(s), 0, signature, 32, 32);
                }
                case 5 -> signature = Arrays.copyOf(signature, random.nextBoolean() ? 63 : 65); // wrong length
                case 6 -> signature = withTorsionInR(signer, message, random, false); // valid only with cofactor
                case 7 -> signature = withTorsionInR(signer, message, random, true); // and broken
                default -> { } // valid
            }
            items.add(new BatchVerifier.Item(key, message, signature));
        }
        return items;
    }

    /**
     * A signature whose R = [r]B + T carries a point T of small order that does not cancel: valid under the cofactored
     * equation only (a "low_order_residue" in CCTV's words), which only the key's holder can make.
     */
    private static byte[] withTorsionInR(SigningKey signer, byte[] message, Random random, boolean breakIt) {
        byte[] a = clamped(signer);
        byte[] r = Scalars.reduce(bytes(random, 64));
        EdwardsPoint torsion = EdwardsPoint.decode(java.util.HexFormat.of().parseHex(
                Ed25519Test.SMALL_ORDER.get(1 + random.nextInt(7))));
        byte[] rBytes = EdwardsPoint.multiplyBase(r).add(torsion).encode();
        byte[] k = Scalars.reduce(sha512(rBytes, signer.verifyingKey().bytes(), message));
        byte[] s = Scalars.mulAdd(k, a, r);
        if (breakIt) {
            s = Scalars.add(s, Scalars.fromBigInteger(BigInteger.ONE));
        }
        byte[] signature = Arrays.copyOf(rBytes, 64);
        System.arraycopy(s, 0, signature, 32, 32);
        return signature;
    }

    private static byte[] clamped(SigningKey signer) {
        byte[] seed = java.util.Base64.getUrlDecoder().decode(signer.seedBase64Url());
        byte[] h = Arrays.copyOf(sha512(seed), 32);
        h[0] &= (byte) 0xf8;
        h[31] &= 0x7f;
        h[31] |= 0x40;
        return h;
    }

    private static byte[] sha512(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-512");
            for (byte[] p : parts) {
                d.update(p);
            }
            return d.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
