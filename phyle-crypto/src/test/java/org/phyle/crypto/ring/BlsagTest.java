package org.phyle.crypto.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.phyle.crypto.ring.RingSignatureException.Reason;

/**
 * bLSAG: signatures verify for every ring size and signer position; the linking tag links one key's signatures under
 * one context and nothing else; and every part of a signature, its ring, message and context, once changed, is
 * refused. Randomness is seeded; a failure names the seed.
 */
class BlsagTest {
    private static final byte[] BUILDING_A = utf8("building:lisbon-1/alfama-12");
    private static final byte[] BUILDING_B = utf8("building:lisbon-1/alfama-14");
    private static final byte[] MESSAGE = utf8("{\"building\":\"alfama-12\",\"epoch\":7,\"opinion\":\"approve\"}");

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<RingKeyPair> keys(int n, SeededRandom random) {
        List<RingKeyPair> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(RingKeyPair.generate(random));
        }
        return keys;
    }

    private static Ring ringOf(List<RingKeyPair> keys) {
        return Ring.sorted(keys.stream().map(RingKeyPair::publicKey).toList());
    }

    /** The key pair at ring position i. */
    private static RingKeyPair at(Ring ring, List<RingKeyPair> keys, int i) {
        return keys.stream().filter(k -> k.publicKey().equals(ring.member(i))).findFirst().orElseThrow();
    }

    // ---- correctness ----

    @ParameterizedTest(name = "ring of {0}")
    @ValueSource(ints = {1, 2, 3, 10, 100})
    void everyMemberCanSignAndEverySignatureVerifies(int n) {
        SeededRandom random = new SeededRandom(n);
        List<RingKeyPair> keys = keys(n, random);
        Ring ring = ringOf(keys);
        int[] positions = n <= 10 ? IntStream.range(0, n).toArray() : new int[] {0, 37, n - 1};
        for (int pi : positions) {
            BlsagSignature sig = Blsag.sign(MESSAGE, ring, at(ring, keys, pi), BUILDING_A, random);
            assertThat(sig.ringSize()).isEqualTo(n);
            assertThat(Blsag.verify(MESSAGE, ring, BUILDING_A, sig)).as("signer at %d", pi).isTrue();
            byte[] encoded = sig.encode();
            assertThat(encoded).hasSize(64 + 32 * n);
            BlsagSignature decoded = BlsagSignature.decode(encoded);
            assertThat(decoded).isEqualTo(sig);
            assertThat(decoded.encode()).isEqualTo(encoded);
            assertThat(Blsag.verify(MESSAGE, ring, BUILDING_A, decoded)).isTrue();
        }
    }

    @Test
    void theSameSeedGivesTheSameSignatureAndAnotherSeedAnotherOne() {
        List<RingKeyPair> keys = keys(5, new SeededRandom(1));
        Ring ring = ringOf(keys);
        byte[] a = Blsag.sign(MESSAGE, ring, keys.get(2), BUILDING_A, new SeededRandom(9)).encode();
        byte[] b = Blsag.sign(MESSAGE, ring, keys.get(2), BUILDING_A, new SeededRandom(9)).encode();
        byte[] c = Blsag.sign(MESSAGE, ring, keys.get(2), BUILDING_A, new SeededRandom(10)).encode();
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
        // but the tag (the first 32 bytes) does not depend on the randomness
        assertThat(Arrays.copyOf(c, 32)).isEqualTo(Arrays.copyOf(a, 32));
    }

    // ---- linkability ----

    @Test
    void oneResidentGetsOneTagPerBuildingWhateverTheMessageOrRing() {
        SeededRandom random = new SeededRandom(2);
        List<RingKeyPair> keys = keys(12, random);
        RingKeyPair resident = keys.get(0);
        Ring epoch1 = ringOf(keys.subList(0, 8));
        Ring epoch2 = ringOf(keys.subList(0, 12)); // neighbours moved in: a new snapshot
        BlsagSignature approve = Blsag.sign(utf8("approve"), epoch1, resident, BUILDING_A, random);
        BlsagSignature disapprove = Blsag.sign(utf8("disapprove"), epoch2, resident, BUILDING_A, random);
        assertThat(approve.linkingTag()).isEqualTo(disapprove.linkingTag());
        assertThat(approve.keyImage()).isEqualTo(Blsag.linkingTag(resident, BUILDING_A));
        // another building: an unrelated tag
        BlsagSignature other = Blsag.sign(utf8("approve"), epoch1, resident, BUILDING_B, random);
        assertThat(other.linkingTag()).isNotEqualTo(approve.linkingTag());
        assertThat(other.keyImage()).isEqualTo(Blsag.linkingTag(resident, BUILDING_B));
    }

    @Test
    void differentResidentsGetDifferentTags() {
        SeededRandom random = new SeededRandom(3);
        List<RingKeyPair> keys = keys(30, random);
        Ring ring = ringOf(keys);
        Set<String> tags = new HashSet<>();
        for (RingKeyPair key : keys) {
            BlsagSignature sig = Blsag.sign(MESSAGE, ring, key, BUILDING_A, random);
            assertThat(Blsag.verify(MESSAGE, ring, BUILDING_A, sig)).isTrue();
            tags.add(sig.keyImage().toString());
        }
        assertThat(tags).hasSize(30);
    }

    @Test
    void theTagIsNotAnyMembersKeyNorItsTagBaseTimesAnotherSecret() {
        SeededRandom random = new SeededRandom(4);
        List<RingKeyPair> keys = keys(4, random);
        Ring ring = ringOf(keys);
        BlsagSignature sig = Blsag.sign(MESSAGE, ring, keys.get(1), BUILDING_A, random);
        for (RingKeyPair key : keys) {
            assertThat(sig.keyImage()).isNotEqualTo(key.publicKey());
            boolean mine = key == keys.get(1);
            assertThat(Blsag.tagBase(BUILDING_A, keys.get(1).publicKey()).multiply(key.secret())
                    .equals(sig.keyImage())).isEqualTo(mine);
        }
    }

    // ---- tampering ----

    private static final class Fixture {
        final SeededRandom random = new SeededRandom(5);
        final List<RingKeyPair> keys = keys(6, random);
        final Ring ring = ringOf(keys);
        final RingKeyPair signer = at(ring, keys, 3);
        final BlsagSignature sig = Blsag.sign(MESSAGE, ring, signer, BUILDING_A, random);
        final RingKeyPair outsider = RingKeyPair.generate(random);

        boolean verifies(BlsagSignature s) {
            return Blsag.verify(MESSAGE, ring, BUILDING_A, s);
        }
    }

    @Test
    void theUntamperedFixtureVerifies() {
        Fixture f = new Fixture();
        assertThat(f.verifies(f.sig)).isTrue();
    }

    @Test
    void anyChangeToTheMessageIsRefused() {
        Fixture f = new Fixture();
        for (int i = 0; i < MESSAGE.length; i++) {
            byte[] m = MESSAGE.clone();
            m[i] ^= 1;
            assertThat(Blsag.verify(m, f.ring, BUILDING_A, f.sig)).as("byte %d", i).isFalse();
        }
        assertThat(Blsag.verify(Arrays.copyOf(MESSAGE, MESSAGE.length + 1), f.ring, BUILDING_A, f.sig)).isFalse();
        assertThat(Blsag.verify(Arrays.copyOf(MESSAGE, MESSAGE.length - 1), f.ring, BUILDING_A, f.sig)).isFalse();
        assertThat(Blsag.verify(new byte[0], f.ring, BUILDING_A, f.sig)).isFalse();
    }

    @Test
    void replacingAnyRingMemberIsRefused() {
        Fixture f = new Fixture();
        for (int i = 0; i < f.ring.size(); i++) {
            List<RistrettoElement> members = new ArrayList<>(f.ring.members());
            members.set(i, f.outsider.publicKey());
            Ring other = Ring.sorted(members);
            assertThat(Blsag.verify(MESSAGE, other, BUILDING_A, f.sig)).as("member %d replaced", i).isFalse();
        }
    }

    @Test
    void aRingWithAMemberMoreOrLessIsRefused() {
        Fixture f = new Fixture();
        List<RistrettoElement> more = new ArrayList<>(f.ring.members());
        more.add(f.outsider.publicKey());
        assertThat(Blsag.verify(MESSAGE, Ring.sorted(more), BUILDING_A, f.sig)).isFalse();
        List<RistrettoElement> fewer = new ArrayList<>(f.ring.members());
        fewer.remove(0);
        assertThat(Blsag.verify(MESSAGE, Ring.sorted(fewer), BUILDING_A, f.sig)).isFalse();
    }

    @Test
    void aRingInAnotherOrderIsRefusedAndSortingGivesTheOneOrder() {
        Fixture f = new Fixture();
        List<RistrettoElement> swapped = new ArrayList<>(f.ring.members());
        Collections.swap(swapped, 1, 4);
        assertThatThrownBy(() -> Ring.of(swapped)).isInstanceOf(RingSignatureException.class)
                .extracting(e -> ((RingSignatureException) e).reason()).isEqualTo(Reason.RING_NOT_CANONICAL);
        byte[] swappedBytes = new byte[32 * swapped.size()];
        for (int i = 0; i < swapped.size(); i++) {
            System.arraycopy(swapped.get(i).encode(), 0, swappedBytes, 32 * i, 32);
        }
        assertReason(() -> Ring.decode(swappedBytes), Reason.RING_NOT_CANONICAL);
        // and sorting is the only order: Ring.sorted of any permutation gives the same ring
        List<RistrettoElement> shuffled = new ArrayList<>(f.ring.members());
        Collections.shuffle(shuffled, new java.util.Random(5));
        assertThat(Ring.sorted(shuffled)).isEqualTo(f.ring);
        assertThat(f.verifies(f.sig)).isTrue();
    }

    @Test
    void changingAnyResponseIsRefused() {
        Fixture f = new Fixture();
        for (int i = 0; i < f.sig.ringSize(); i++) {
            List<Scalar> s = new ArrayList<>(f.sig.responses());
            s.set(i, s.get(i).add(Scalar.ONE));
            assertThat(f.verifies(new BlsagSignature(f.sig.keyImage(), f.sig.c0(), s))).as("s_%d", i).isFalse();
        }
        List<Scalar> swapped = new ArrayList<>(f.sig.responses());
        Collections.swap(swapped, 0, 1);
        assertThat(f.verifies(new BlsagSignature(f.sig.keyImage(), f.sig.c0(), swapped))).isFalse();
    }

    @Test
    void changingTheFirstChallengeIsRefused() {
        Fixture f = new Fixture();
        for (Scalar c0 : List.of(f.sig.c0().add(Scalar.ONE), Scalar.ZERO, f.sig.c0().negate())) {
            assertThat(f.verifies(new BlsagSignature(f.sig.keyImage(), c0, f.sig.responses()))).isFalse();
        }
    }

    @Test
    void changingTheTagIsRefused() {
        Fixture f = new Fixture();
        List<RistrettoElement> tags = List.of(
                f.sig.keyImage().add(RistrettoElement.GENERATOR),
                Blsag.linkingTag(f.signer, BUILDING_B),           // the same resident's tag for another building
                Blsag.linkingTag(at(f.ring, f.keys, 0), BUILDING_A), // another member's tag for this building
                RistrettoElement.GENERATOR);
        for (RistrettoElement tag : tags) {
            assertThat(f.verifies(new BlsagSignature(tag, f.sig.c0(), f.sig.responses()))).isFalse();
        }
        assertThatThrownBy(() -> new BlsagSignature(RistrettoElement.IDENTITY, f.sig.c0(), f.sig.responses()))
                .isInstanceOf(RingSignatureException.class);
    }

    @Test
    void anOpinionCannotBeReplayedForAnotherBuilding() {
        Fixture f = new Fixture();
        assertThat(Blsag.verify(MESSAGE, f.ring, BUILDING_B, f.sig)).isFalse();
        byte[] oneByteMore = Arrays.copyOf(BUILDING_A, BUILDING_A.length + 1);
        assertThat(Blsag.verify(MESSAGE, f.ring, oneByteMore, f.sig)).isFalse();
        assertThat(Blsag.verify(MESSAGE, f.ring, new byte[0], f.sig)).isFalse();
        assertThat(Blsag.verify(MESSAGE, f.ring, null, f.sig)).isFalse();
    }

    @Test
    void aSignerOutsideTheRingCannotSign() {
        Fixture f = new Fixture();
        assertThatThrownBy(() -> Blsag.sign(MESSAGE, f.ring, f.outsider, BUILDING_A, f.random))
                .isInstanceOf(RingSignatureException.class)
                .extracting(e -> ((RingSignatureException) e).reason()).isEqualTo(Reason.SIGNER_NOT_IN_RING);
        // an outsider's signature over a ring that includes them is no signature over the real ring
        List<RistrettoElement> withOutsider = new ArrayList<>(f.ring.members());
        withOutsider.set(0, f.outsider.publicKey());
        Ring forged = Ring.sorted(withOutsider);
        BlsagSignature outsiders = Blsag.sign(MESSAGE, forged, f.outsider, BUILDING_A, f.random);
        assertThat(Blsag.verify(MESSAGE, forged, BUILDING_A, outsiders)).isTrue();
        assertThat(f.verifies(outsiders)).isFalse();
    }

    @Test
    void badRingsAreRefusedWithTheirCodes() {
        Fixture f = new Fixture();
        RistrettoElement k = f.ring.member(0);
        assertReason(() -> Ring.of(List.of()), Reason.RING_EMPTY);
        assertReason(() -> Ring.sorted(List.of()), Reason.RING_EMPTY);
        assertReason(() -> Ring.decode(new byte[0]), Reason.RING_EMPTY);
        assertReason(() -> Ring.of(List.of(k, k)), Reason.RING_DUPLICATE_MEMBER);
        assertReason(() -> Ring.sorted(List.of(f.ring.member(1), k, f.ring.member(1))), Reason.RING_DUPLICATE_MEMBER);
        assertReason(() -> Ring.of(List.of(f.ring.member(1), k)), Reason.RING_NOT_CANONICAL);
        assertReason(() -> Ring.of(List.of(RistrettoElement.IDENTITY)), Reason.RING_MEMBER_IDENTITY);
        assertReason(() -> Ring.decode(new byte[31]), Reason.RING_MEMBER_INVALID);
        byte[] encoded = f.ring.encode();
        encoded[0] ^= 1; // a negative field element: not canonical
        assertReason(() -> Ring.decode(encoded), Reason.RING_MEMBER_INVALID);
        assertThat(Ring.decode(f.ring.encode())).isEqualTo(f.ring);
        List<RistrettoElement> tooMany = Collections.nCopies(Ring.MAX_SIZE + 1, k);
        assertReason(() -> Ring.of(tooMany), Reason.RING_TOO_LARGE);
        assertReason(() -> Blsag.sign(MESSAGE, f.ring, f.signer, new byte[0], f.random), Reason.CONTEXT_INVALID);
        assertReason(() -> Blsag.sign(MESSAGE, f.ring, f.signer, new byte[Blsag.MAX_CONTEXT + 1], f.random),
                Reason.CONTEXT_INVALID);
        assertReason(() -> RingKeyPair.fromSecret(Scalar.ZERO), Reason.SECRET_ZERO);
    }

    @Test
    void aSignatureForARingOfAnotherSizeIsRefused() {
        Fixture f = new Fixture();
        List<Scalar> oneMore = new ArrayList<>(f.sig.responses());
        oneMore.add(Scalar.ONE);
        assertThat(f.verifies(new BlsagSignature(f.sig.keyImage(), f.sig.c0(), oneMore))).isFalse();
        assertThat(f.verifies(new BlsagSignature(f.sig.keyImage(), f.sig.c0(), f.sig.responses().subList(0, 5))))
                .isFalse();
    }

    @Test
    void encodingsAreStrict() {
        Fixture f = new Fixture();
        byte[] good = f.sig.encode();
        assertThat(BlsagSignature.decode(good)).isEqualTo(f.sig);
        // wrong lengths
        for (int length : new int[] {0, 31, 32, 64, 95, good.length - 1, good.length + 1, good.length + 31}) {
            assertReason(() -> BlsagSignature.decode(Arrays.copyOf(good, length)), Reason.SIGNATURE_LENGTH);
        }
        assertReason(() -> BlsagSignature.decode(null), Reason.SIGNATURE_LENGTH);
        assertReason(() -> BlsagSignature.decode(new byte[BlsagSignature.encodedSize(Ring.MAX_SIZE + 1)]),
                Reason.SIGNATURE_LENGTH);
        // c0 and each s_i plus ℓ: the same number mod ℓ, not canonical
        for (int offset = 32; offset < good.length; offset += 32) {
            byte[] bad = good.clone();
            BigInteger v = Scalar.decode(Arrays.copyOfRange(bad, offset, offset + 32)).toBigInteger();
            if (v.add(Scalar.ORDER).bitLength() <= 256) {
                byte[] le = le(v.add(Scalar.ORDER));
                System.arraycopy(le, 0, bad, offset, 32);
                assertReason(() -> BlsagSignature.decode(bad), Reason.SIGNATURE_SCALAR_NOT_CANONICAL);
            }
            byte[] allOnes = good.clone();
            Arrays.fill(allOnes, offset, offset + 32, (byte) 0xff);
            assertReason(() -> BlsagSignature.decode(allOnes), Reason.SIGNATURE_SCALAR_NOT_CANONICAL);
        }
        // the tag: not canonical (top bit, negative), and the identity
        byte[] topBit = good.clone();
        topBit[31] |= (byte) 0x80;
        assertReason(() -> BlsagSignature.decode(topBit), Reason.KEY_IMAGE_INVALID);
        byte[] negative = good.clone();
        negative[0] ^= 1;
        assertReason(() -> BlsagSignature.decode(negative), Reason.KEY_IMAGE_INVALID);
        byte[] identity = good.clone();
        Arrays.fill(identity, 0, 32, (byte) 0);
        assertReason(() -> BlsagSignature.decode(identity), Reason.KEY_IMAGE_IDENTITY);
    }

    // ---- seeded properties over many random rings ----

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomRingsSignVerifyAndRefuseAnyFlippedBit(long seed) {
        SeededRandom random = new SeededRandom(1000 + seed);
        java.util.Random choice = new java.util.Random(seed);
        int n = 1 + choice.nextInt(12);
        List<RingKeyPair> keys = keys(n, random);
        Ring ring = ringOf(keys);
        RingKeyPair signer = at(ring, keys, choice.nextInt(n));
        byte[] message = new byte[choice.nextInt(200)];
        choice.nextBytes(message);
        byte[] context = new byte[1 + choice.nextInt(64)];
        choice.nextBytes(context);
        BlsagSignature sig = Blsag.sign(message, ring, signer, context, random);
        assertThat(Blsag.verify(message, ring, context, sig)).isTrue();
        assertThat(sig.keyImage()).isEqualTo(Blsag.linkingTag(signer, context));
        // flip one random bit of the encoding: refused at decoding or at verification
        byte[] encoded = sig.encode();
        for (int t = 0; t < 8; t++) {
            byte[] bad = encoded.clone();
            int bit = choice.nextInt(8 * bad.length);
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            boolean accepted;
            try {
                accepted = Blsag.verify(message, ring, context, BlsagSignature.decode(bad));
            } catch (RingSignatureException e) {
                accepted = false;
            }
            assertThat(accepted).as("bit %d flipped", bit).isFalse();
        }
        // flip one random bit of the message, of the context
        if (message.length > 0) {
            byte[] m = message.clone();
            m[choice.nextInt(m.length)] ^= (byte) (1 << choice.nextInt(8));
            assertThat(Blsag.verify(m, ring, context, sig)).isFalse();
        }
        byte[] c = context.clone();
        c[choice.nextInt(c.length)] ^= (byte) (1 << choice.nextInt(8));
        assertThat(Blsag.verify(message, ring, c, sig)).isFalse();
    }

    private static byte[] le(BigInteger n) {
        byte[] out = new byte[32];
        byte[] be = n.toByteArray();
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOf(RingSignatureException.class)
                .extracting(e -> ((RingSignatureException) e).reason()).isEqualTo(reason);
    }
}
