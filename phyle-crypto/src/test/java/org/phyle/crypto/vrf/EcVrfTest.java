package org.phyle.crypto.vrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.phyle.crypto.ed25519.EdwardsPoint;
import org.phyle.crypto.ed25519.ReferencePoint;
import org.phyle.crypto.ed25519.ReferencePointTest;
import org.phyle.crypto.ed25519.Scalars;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link EcVrf}: ECVRF-EDWARDS25519-SHA512-TAI as RFC 9381 defines it, with strict verification. */
class EcVrfTest {
    private static final HexFormat HEX = HexFormat.of();

    /**
     * One example of RFC 9381 Appendix B.3 with its intermediate values: the secret scalar x, the hash-to-curve point
     * H (and the try-and-increment counter that found it), the 64-byte nonce hash k (k_string, before reduction mod
     * q), U = k*B and V = k*H.
     */
    record Vector(String name, String sk, String pk, String alpha, String x, int ctr, String h, String k, String u,
                  String v, String pi, String beta) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** RFC 9381 Appendix B.3, "ECVRF-EDWARDS25519-SHA512-TAI", Examples 16, 17 and 18. */
    static Stream<Vector> rfc9381() {
        return Stream.of(
                new Vector("Example 16",
                        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                        "",
                        "307c83864f2833cb427a2ef1c00a013cfdff2768d980c0a3a520f006904de94f",
                        0,
                        "91bbed02a99461df1ad4c6564a5f5d829d0b90cfc7903e7a5797bd658abf3318",
                        "7100f3d9eadb6dc4743b029736ff283f5be494128df128df2817106f345b8594"
                                + "b6d6da2d6fb0b4c0257eb337675d96eab49cf39e66cc2c9547c2bf8b2a6afae4",
                        "aef27c725be964c6a9bf4c45ca8e35df258c1878b838f37d9975523f09034071",
                        "5016572f71466c646c119443455d6cb9b952f07d060ec8286d678615d55f954f",
                        "8657106690b5526245a92b003bb079ccd1a92130477671f6fc01ad16f26f723f"
                                + "26f8a57ccaed74ee1b190bed1f479d97"
                                + "27d2d0f9b005a6e456a35d4fb0daab1268a1b0db10836d9826a528ca76567805",
                        "90cf1df3b703cce59e2a35b925d411164068269d7b2d29f3301c03dd757876ff"
                                + "66b71dda49d2de59d03450451af026798e8f81cd2e333de5cdf4f3e140fdd8ae"),
                new Vector("Example 17",
                        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
                        "72",
                        "68bd9ed75882d52815a97585caf4790a7f6c6b3b7f821c5e259a24b02e502e51",
                        1,
                        "5b659fc3d4e9263fd9a4ed1d022d75eaacc20df5e09f9ea937502396598dc551",
                        "42589bbf0c485c3c91c1621bb4bfe04aed7be76ee48f9b00793b2342acb9c167"
                                + "cab856f9f9d4febc311330c20b0a8afd3743d05433e8be8d32522ecdc16cc5ce",
                        "1dcb0a4821a2c48bf53548228b7f170962988f6d12f5439f31987ef41f034ab3",
                        "fd03c0bf498c752161bae4719105a074630a2aa5f200ff7b3995f7bfb1513423",
                        "f3141cd382dc42909d19ec5110469e4feae18300e94f304590abdced48aed593"
                                + "3bf0864a62558b3ed7f2fea45c92a465"
                                + "301b3bbf5e3e54ddf2d935be3b67926da3ef39226bbc355bdc9850112c8f4b02",
                        "eb4440665d3891d668e7e0fcaf587f1b4bd7fbfe99d0eb2211ccec90496310eb"
                                + "5e33821bc613efb94db5e5b54c70a848a0bef4553a41befc57663b56373a5031"),
                new Vector("Example 18",
                        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
                        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
                        "af82",
                        "909a8b755ed902849023a55b15c23d11ba4d7f4ec5c2f51b1325a181991ea95c",
                        0,
                        "bf4339376f5542811de615e3313d2b36f6f53c0acfebb482159711201192576a",
                        "38b868c335ccda94a088428cbf3ec8bc7955bfaffe1f3bd2aa2c59fc31a0febc"
                                + "59d0e1af3715773ce11b3bbdd7aba8e3505d4b9de6f7e4a96e67e0d6bb6d6c3a",
                        "2bae73e15a64042fcebf062abe7e432b2eca6744f3e8265bc38e009cd577ecd5",
                        "88cba1cb0d4f9b649d9a86026b69de076724a93a65c349c988954f0961c5d506",
                        "9bc0f79119cc5604bf02d23b4caede71393cedfbb191434dd016d30177ccbf80"
                                + "96bb474e53895c362d8628ee9f9ea3c0"
                                + "e52c7a5c691b6c18c9979866568add7a2d41b00b05081ed0f58ee5e31b3a970e",
                        "645427e5d00c62a23fb703732fa5d892940935942101e456ecca7bb217c61c45"
                                + "2118fec1219202a0edcf038bb6373241578be7217ba85a2687f7a0310b2df19f"));
    }

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    private static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    // ---- the published examples ----

    @ParameterizedTest
    @MethodSource("rfc9381")
    void secretKeyGivesThePublishedScalarAndPublicKey(Vector v) {
        assertThat(hex(EcVrf.secretScalar(hex(v.sk())))).isEqualTo(v.x());
        assertThat(hex(EcVrf.publicKey(hex(v.sk())))).isEqualTo(v.pk());
    }

    @ParameterizedTest
    @MethodSource("rfc9381")
    void hashToCurveGivesThePublishedPointAtThePublishedCounter(Vector v) {
        assertThat(hex(EcVrf.encodeToCurve(hex(v.pk()), hex(v.alpha())).encode())).isEqualTo(v.h());
        // the counter: every earlier try fails to decode, the published one decodes (and gives H after cofactor 8)
        for (int ctr = 0; ctr <= v.ctr(); ctr++) {
            byte[] hash = sha512(new byte[] {3, 1}, hex(v.pk()), hex(v.alpha()), new byte[] {(byte) ctr, 0});
            Optional<ReferencePoint> candidate = ReferencePoint.decode(Arrays.copyOf(hash, 32));
            assertThat(candidate.isPresent()).as("ctr %d decodes", ctr).isEqualTo(ctr == v.ctr());
            candidate.ifPresent(p -> assertThat(hex(p.multiplyByCofactor().encode())).isEqualTo(v.h()));
        }
    }

    @ParameterizedTest
    @MethodSource("rfc9381")
    void nonceAndCommitmentsAreThePublishedOnes(Vector v) {
        byte[] kString = EcVrf.nonceHash(hex(v.sk()), hex(v.h()));
        assertThat(hex(kString)).isEqualTo(v.k());
        BigInteger k = ReferencePoint.fromLittleEndian(kString).mod(ReferencePoint.ORDER);
        ReferencePoint h = ReferencePoint.decode(hex(v.h())).orElseThrow();
        assertThat(hex(ReferencePoint.BASE.multiply(k).encode())).isEqualTo(v.u());
        assertThat(hex(h.multiply(k).encode())).isEqualTo(v.v());
    }

    @ParameterizedTest
    @MethodSource("rfc9381")
    void proveGivesThePublishedProofAndOutput(Vector v) {
        byte[] pi = EcVrf.prove(hex(v.sk()), hex(v.alpha()));
        assertThat(hex(pi)).isEqualTo(v.pi());
        assertThat(hex(EcVrf.proofToHash(pi))).isEqualTo(v.beta());
    }

    @ParameterizedTest
    @MethodSource("rfc9381")
    void publishedProofVerifiesAndGivesThePublishedOutput(Vector v) {
        Optional<byte[]> beta = EcVrf.verify(hex(v.pk()), hex(v.pi()), hex(v.alpha()));
        assertThat(beta).isPresent();
        assertThat(hex(beta.get())).isEqualTo(v.beta());
    }

    // ---- rejections ----

    /** Bits spread over the whole proof (step 3 is coprime with 8, so every bit position of a byte is hit). */
    @ParameterizedTest
    @MethodSource("rfc9381")
    void flippedProofBitsFailInGammaCAndS(Vector v) {
        byte[] pi = hex(v.pi());
        List<Integer> bits = new ArrayList<>();
        for (int bit = 0; bit < 8 * EcVrf.PROOF_SIZE; bit += 3) {
            bits.add(bit);
        }
        bits.addAll(List.of(255, 256 + 127, 384 + 255)); // the top bit of Gamma (the sign of x), of c and of s
        for (int bit : bits) {
            byte[] bad = pi.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            String part = bit < 256 ? "Gamma" : bit < 384 ? "c" : "s";
            assertThat(EcVrf.verify(hex(v.pk()), bad, hex(v.alpha()))).as("%s bit %d flipped", part, bit).isEmpty();
        }
    }

    /**
     * s and s + q are the same scalar modulo q, so without the s &lt; q check of RFC 9381 section 5.4.4 the second
     * proof would verify too (a malleable proof). Both verify and proofToHash must refuse it.
     */
    @ParameterizedTest
    @MethodSource("rfc9381")
    void scalarNotBelowTheGroupOrderIsRejected(Vector v) {
        byte[] pi = hex(v.pi());
        BigInteger s = ReferencePoint.fromLittleEndian(Arrays.copyOfRange(pi, 48, 80));
        assertThat(s).isLessThan(ReferencePoint.ORDER);
        for (BigInteger badS : List.of(s.add(ReferencePoint.ORDER), ReferencePoint.ORDER,
                BigInteger.TWO.pow(256).subtract(BigInteger.ONE))) {
            byte[] bad = pi.clone();
            System.arraycopy(ReferencePoint.toLittleEndian(badS, 32), 0, bad, 48, 32);
            assertThat(EcVrf.verify(hex(v.pk()), bad, hex(v.alpha()))).as("s = %s", badS).isEmpty();
            assertThatThrownBy(() -> EcVrf.proofToHash(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        // the control: with s + q every verification equation still holds, so only the range check rejects it
        EcVrf.DecodedProof proof = EcVrf.DecodedProof.of(pi).orElseThrow();
        ReferencePoint y = ReferencePoint.decode(hex(v.pk())).orElseThrow();
        ReferencePoint h = ref(EcVrf.encodeToCurve(hex(v.pk()), hex(v.alpha())));
        BigInteger sPlusQ = s.add(ReferencePoint.ORDER);
        ReferencePoint u = ReferencePoint.BASE.multiply(sPlusQ).add(y.multiply(proof.c()).negate());
        ReferencePoint w = h.multiply(sPlusQ).add(ref(proof.gamma()).multiply(proof.c()).negate());
        assertThat(challenge(y, h, ref(proof.gamma()), u, w)).isEqualTo(proof.c());
    }

    @ParameterizedTest
    @MethodSource("rfc9381")
    void proofDoesNotVerifyForAnotherAlpha(Vector v) {
        byte[] alpha = hex(v.alpha());
        byte[] longer = Arrays.copyOf(alpha, alpha.length + 1);
        assertThat(EcVrf.verify(hex(v.pk()), hex(v.pi()), longer)).isEmpty();
        byte[] other = alpha.length == 0 ? new byte[] {0} : alpha.clone();
        other[0] ^= 1;
        assertThat(EcVrf.verify(hex(v.pk()), hex(v.pi()), other)).isEmpty();
        for (Vector w : rfc9381().toList()) {
            if (!w.alpha().equals(v.alpha())) {
                assertThat(EcVrf.verify(hex(v.pk()), hex(v.pi()), hex(w.alpha()))).as("alpha of %s", w).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("rfc9381")
    void proofDoesNotVerifyUnderAnotherKey(Vector v) {
        for (Vector w : rfc9381().toList()) {
            if (!w.name().equals(v.name())) {
                assertThat(EcVrf.verify(hex(w.pk()), hex(v.pi()), hex(v.alpha()))).as("key of %s", w).isEmpty();
            }
        }
    }

    /** The eight points of small order, in canonical encoding (as listed by libsodium and others). */
    static final List<String> SMALL_ORDER = List.of(
            "0100000000000000000000000000000000000000000000000000000000000000", // identity
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // order 2, y = -1
            "0000000000000000000000000000000000000000000000000000000000000000", // order 4
            "0000000000000000000000000000000000000000000000000000000000000080", // order 4
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", // order 8
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85", // order 8
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"); // order 8

    /** The list above is exactly the set of multiples of a point of order 8, computed here from the curve. */
    @Test
    void smallOrderListIsTheEightTorsionOfTheCurve() {
        ReferencePoint torsion = ReferencePointTest.pointOfOrderEight();
        Set<String> multiples = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            multiples.add(hex(torsion.multiply(BigInteger.valueOf(i)).encode()));
        }
        assertThat(multiples).containsExactlyInAnyOrderElementsOf(SMALL_ORDER);
    }

    /**
     * With a small-order public key Y, a proof can be forged with Gamma = identity for any alpha (so one output for
     * every input): pick k, guess j = c mod 8, set U = k*B - j*Y, V = k*H, and keep the guess if the challenge c
     * agrees (one in eight). The forged proof satisfies every equation of verification; only validate_key (RFC 9381
     * section 5.4.5) refuses it.
     */
    @ParameterizedTest
    @MethodSource("smallOrderKeys")
    void smallOrderPublicKeyIsRejectedEvenWithAProofThatSatisfiesTheEquations(String key) {
        byte[] publicKey = hex(key);
        byte[] alpha = "round 7".getBytes(StandardCharsets.UTF_8);
        ReferencePoint y = ReferencePoint.decode(publicKey).orElseThrow();
        assertThat(y.hasSmallOrder()).isTrue();

        byte[] forged = forgeForSmallOrderKey(y, publicKey, alpha);

        // the forged proof satisfies U = s*B - c*Y, V = s*H - c*Gamma and c = challenge(Y, H, Gamma, U, V) ...
        EcVrf.DecodedProof proof = EcVrf.DecodedProof.of(forged).orElseThrow();
        ReferencePoint h = ref(EcVrf.encodeToCurve(publicKey, alpha));
        ReferencePoint u = ReferencePoint.BASE.multiply(proof.s()).add(y.multiply(proof.c()).negate());
        ReferencePoint v = h.multiply(proof.s()).add(ref(proof.gamma()).multiply(proof.c()).negate());
        assertThat(challenge(y, h, ref(proof.gamma()), u, v)).isEqualTo(proof.c());
        // ... and yet it is refused, because of the key
        assertThat(EcVrf.verify(publicKey, forged, alpha)).isEmpty();
    }

    static Stream<String> smallOrderKeys() {
        return SMALL_ORDER.stream();
    }

    private static byte[] forgeForSmallOrderKey(ReferencePoint y, byte[] publicKey, byte[] alpha) {
        ReferencePoint h = ref(EcVrf.encodeToCurve(publicKey, alpha));
        ReferencePoint gamma = ReferencePoint.IDENTITY;
        for (int k = 1; k < 1000; k++) {
            BigInteger kk = BigInteger.valueOf(k);
            for (int j = 0; j < 8; j++) {
                ReferencePoint u = ReferencePoint.BASE.multiply(kk).add(y.multiply(BigInteger.valueOf(j)).negate());
                ReferencePoint v = h.multiply(kk);
                BigInteger c = challenge(y, h, gamma, u, v);
                if (c.mod(BigInteger.valueOf(8)).intValue() == j) {
                    byte[] pi = new byte[EcVrf.PROOF_SIZE];
                    System.arraycopy(gamma.encode(), 0, pi, 0, 32);
                    System.arraycopy(ReferencePoint.toLittleEndian(c, 16), 0, pi, 32, 16);
                    System.arraycopy(ReferencePoint.toLittleEndian(kk, 32), 0, pi, 48, 32);
                    return pi;
                }
            }
        }
        throw new AssertionError("no forgery found");
    }

    /**
     * A non-canonical encoding (y + p in place of y) of a point of large order is not a public key, and as Gamma it
     * makes the proof malformed: a lenient decoder would reduce y mod p and give that point's output.
     */
    @Test
    void nonCanonicalEncodingsAreRejectedAsKeyAndAsGamma() {
        byte[] nonCanonical = ReferencePointTest.nonCanonicalEncodingOfALargeOrderPoint();
        assertThat(EcVrf.verify(nonCanonical, hex(rfc9381().findFirst().orElseThrow().pi()), new byte[0])).isEmpty();

        byte[] pi = new byte[EcVrf.PROOF_SIZE];
        System.arraycopy(nonCanonical, 0, pi, 0, 32);
        assertThatThrownBy(() -> EcVrf.proofToHash(pi)).isInstanceOf(IllegalArgumentException.class);
        assertThat(EcVrf.verify(hex(rfc9381().findFirst().orElseThrow().pk()), pi, new byte[0])).isEmpty();

        // control: the same point, canonically encoded, is accepted as Gamma by proofToHash
        byte[] canonical = ReferencePointTest.canonicalOf(nonCanonical);
        System.arraycopy(canonical, 0, pi, 0, 32);
        assertThat(EcVrf.proofToHash(pi)).hasSize(EcVrf.OUTPUT_SIZE);
    }

    @Test
    void publicKeyOffTheCurveIsRejected() {
        byte[] offCurve = ReferencePointTest.encodingOffTheCurve();
        Vector v = rfc9381().findFirst().orElseThrow();
        assertThat(EcVrf.verify(offCurve, hex(v.pi()), hex(v.alpha()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 32, 79, 81, 160})
    void proofOfWrongLengthIsRejectedNotThrown(int length) {
        Vector v = rfc9381().findFirst().orElseThrow();
        byte[] pi = Arrays.copyOf(hex(v.pi()), length); // a prefix, or the proof with zeros appended
        assertThat(EcVrf.verify(hex(v.pk()), pi, hex(v.alpha()))).isEmpty();
        assertThatThrownBy(() -> EcVrf.proofToHash(pi)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 31, 33, 64})
    void publicKeyOfWrongLengthIsRejectedNotThrown(int length) {
        Vector v = rfc9381().findFirst().orElseThrow();
        byte[] pk = Arrays.copyOf(hex(v.pk()), length);
        assertThat(EcVrf.verify(pk, hex(v.pi()), hex(v.alpha()))).isEmpty();
    }

    @Test
    void nullKeyOrProofIsRejectedNotThrown() {
        Vector v = rfc9381().findFirst().orElseThrow();
        assertThat(EcVrf.verify(null, hex(v.pi()), hex(v.alpha()))).isEmpty();
        assertThat(EcVrf.verify(hex(v.pk()), null, hex(v.alpha()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 31, 33, 64})
    void secretKeyOfWrongLengthIsRefused(int length) {
        assertThatThrownBy(() -> EcVrf.prove(new byte[length], new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcVrf.publicKey(new byte[length])).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- properties ----

    @Test
    void proofIsDeterministicAndDoesNotAlterItsInputs() {
        byte[] sk = hex(rfc9381().toList().get(2).sk());
        byte[] alpha = "the same input".getBytes(StandardCharsets.UTF_8);
        byte[] skCopy = sk.clone();
        byte[] alphaCopy = alpha.clone();
        byte[] first = EcVrf.prove(sk, alpha);
        byte[] second = EcVrf.prove(sk, alpha);
        assertThat(second).isEqualTo(first).isNotSameAs(first);
        assertThat(sk).isEqualTo(skCopy);
        assertThat(alpha).isEqualTo(alphaCopy);
    }

    /**
     * Random keys and inputs from a fixed seed: the public key is BouncyCastle's Ed25519 public key for the same seed,
     * every proof verifies with the output proofToHash gives, the proof does not verify for the other input, and the
     * outputs are all different.
     */
    @Test
    void randomKeysAndInputsRoundTrip() {
        Random random = new Random(9381);
        Set<String> outputs = new HashSet<>();
        int rounds = 200;
        for (int i = 0; i < rounds; i++) {
            byte[] sk = new byte[32];
            random.nextBytes(sk);
            byte[] alpha = new byte[random.nextInt(100)];
            random.nextBytes(alpha);
            byte[] otherAlpha = Arrays.copyOf(alpha, alpha.length + 1);
            otherAlpha[alpha.length] = (byte) i;

            byte[] pk = EcVrf.publicKey(sk);
            byte[] bouncyCastlePk = new byte[32];
            Ed25519.generatePublicKey(sk, 0, bouncyCastlePk, 0);
            assertThat(pk).as("round %d public key", i).isEqualTo(bouncyCastlePk);

            byte[] pi = EcVrf.prove(sk, alpha);
            assertThat(pi).hasSize(EcVrf.PROOF_SIZE);
            byte[] beta = EcVrf.proofToHash(pi);
            assertThat(beta).hasSize(EcVrf.OUTPUT_SIZE);
            assertThat(EcVrf.verify(pk, pi, alpha)).as("round %d verifies", i).hasValueSatisfying(
                    b -> assertThat(b).isEqualTo(beta));
            if (i % 10 == 0) { // a verification costs a few milliseconds: check the other input on some rounds
                assertThat(EcVrf.verify(pk, pi, otherAlpha)).as("round %d, other alpha", i).isEmpty();
                assertThat(EcVrf.proofToHash(EcVrf.prove(sk, otherAlpha))).isNotEqualTo(beta);
            }
            outputs.add(hex(beta));
        }
        assertThat(outputs).hasSize(rounds);
    }

    @Test
    void sameKeyGivesDifferentOutputsForDifferentInputs() {
        byte[] sk = hex(rfc9381().findFirst().orElseThrow().sk());
        Set<String> outputs = new HashSet<>();
        for (int round = 0; round < 20; round++) {
            outputs.add(hex(EcVrf.proofToHash(EcVrf.prove(sk, ("round " + round).getBytes(StandardCharsets.UTF_8)))));
        }
        assertThat(outputs).hasSize(20);
    }

    private static byte[] sha512(byte[]... parts) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-512");
            for (byte[] part : parts) {
                md.update(part);
            }
            return md.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The reference form of a point, to compute with it in the slow, obviously-correct arithmetic. */
    private static ReferencePoint ref(EdwardsPoint p) {
        return ReferencePoint.decode(p.encode()).orElseThrow();
    }

    /** The challenge of five points, as a number. */
    private static BigInteger challenge(ReferencePoint y, ReferencePoint h, ReferencePoint gamma, ReferencePoint u,
            ReferencePoint v) {
        return Scalars.toBigInteger(EcVrf.challenge(y.encode(), h.encode(), gamma.encode(), u.encode(), v.encode()));
    }
}
