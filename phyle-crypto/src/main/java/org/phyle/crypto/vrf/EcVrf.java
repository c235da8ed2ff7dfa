package org.phyle.crypto.vrf;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.phyle.crypto.ed25519.EdwardsPoint;
import org.phyle.crypto.ed25519.MultiScalar;
import org.phyle.crypto.ed25519.Scalars;

/**
 * The verifiable random function ECVRF-EDWARDS25519-SHA512-TAI of RFC 9381 (suite_string 0x03): edwards25519,
 * SHA-512, try-and-increment hash to curve, 16-byte challenges. Only the holder of a secret key can compute the
 * output beta for an input alpha; anyone with the public key can check, from the proof pi, that beta is that output.
 *
 * <p>Keys are Ed25519 keys (RFC 8032 section 5.1.5): the secret key is a 32-byte seed and the public key the same
 * 32 bytes an Ed25519 signer with that seed has. Proofs are 80 bytes (Gamma, c, s), outputs 64 bytes.
 *
 * <p>Verification is strict: the public key must be the canonical encoding of a curve point not of small order
 * (RFC 9381 section 5.4.5, {@code validate_key} = TRUE), Gamma must be the canonical encoding of a curve point and s
 * must be below the group order (section 5.4.4). The curve arithmetic is {@link EdwardsPoint}: constant time on the
 * secret scalar and nonce when proving, variable time (public data only) when verifying.
 */
public final class EcVrf {
    /** Length of a secret key (an Ed25519 seed). */
    public static final int SECRET_KEY_SIZE = 32;
    /** Length of a public key. */
    public static final int PUBLIC_KEY_SIZE = 32;
    /** Length of a proof pi: Gamma (32) || c (16) || s (32). */
    public static final int PROOF_SIZE = 80;
    /** Length of an output beta. */
    public static final int OUTPUT_SIZE = 64;

    /** suite_string of ECVRF-EDWARDS25519-SHA512-TAI. */
    static final byte SUITE = 0x03;
    /** cLen: the challenge is the first 16 bytes of a hash. */
    static final int CHALLENGE_SIZE = 16;
    private static final int POINT_SIZE = 32;
    private static final int SCALAR_SIZE = 32;

    private static final byte ENCODE_TO_CURVE_FRONT = 0x01;
    private static final byte CHALLENGE_FRONT = 0x02;
    private static final byte PROOF_TO_HASH_FRONT = 0x03;
    private static final byte BACK = 0x00;

    private EcVrf() {
    }

    /** The public key of a secret key: the Ed25519 public key of the same seed. */
    public static byte[] publicKey(byte[] secretKey) {
        return EdwardsPoint.multiplyBase(secretScalar(secretKey)).encode();
    }

    /**
     * The proof pi that beta = {@link #proofToHash}(pi) is the VRF output of the secret key on alpha (RFC 9381 section
     * 5.1). Deterministic: the same key and alpha always give the same proof. The secret scalar and the nonce enter
     * only constant-time operations.
     *
     * @throws IllegalArgumentException if the secret key is not 32 bytes
     */
    public static byte[] prove(byte[] secretKey, byte[] alpha) {
        Objects.requireNonNull(alpha, "alpha");
        byte[] x = secretScalar(secretKey);
        byte[] publicKey = EdwardsPoint.multiplyBase(x).encode();
        EdwardsPoint h = encodeToCurve(publicKey, alpha);
        byte[] hString = h.encode();
        EdwardsPoint gamma = h.multiply(x);
        byte[] k = Scalars.reduce(nonceHash(secretKey, hString));
        byte[] gammaString = gamma.encode();
        byte[] c = challenge(publicKey, hString, gammaString,
                EdwardsPoint.multiplyBase(k).encode(), h.multiply(k).encode());
        byte[] s = Scalars.mulAdd(Arrays.copyOf(c, SCALAR_SIZE), x, k);
        return concat(gammaString, c, s);
    }

    /**
     * The VRF output beta of a proof (RFC 9381 section 5.2), without checking the proof against any key or input: use
     * it on proofs you made, or on proofs {@link #verify} accepted (which returns the same beta).
     *
     * @throws IllegalArgumentException if pi is not 80 bytes, Gamma is not a canonical curve point, or s is not
     *         below the group order
     */
    public static byte[] proofToHash(byte[] pi) {
        DecodedProof proof = DecodedProof.of(pi)
                .orElseThrow(() -> new IllegalArgumentException("not a well-formed ECVRF proof"));
        return outputOf(proof.gamma());
    }

    /**
     * Checks that pi proves the output of the key's holder on alpha (RFC 9381 section 5.3, with validate_key).
     *
     * @return beta, the 64-byte VRF output, when the proof is valid; empty for anything else, including a null,
     *         wrong-length, non-canonical or small-order public key and a null, wrong-length or malformed proof
     */
    public static Optional<byte[]> verify(byte[] publicKey, byte[] pi, byte[] alpha) {
        Objects.requireNonNull(alpha, "alpha");
        EdwardsPoint y = EdwardsPoint.decode(publicKey);
        if (y == null || y.hasSmallOrder()) {
            return Optional.empty();
        }
        Optional<DecodedProof> decodedProof = DecodedProof.of(pi);
        if (decodedProof.isEmpty()) {
            return Optional.empty();
        }
        DecodedProof proof = decodedProof.get();
        EdwardsPoint h = encodeToCurve(publicKey, alpha);
        byte[] c = Arrays.copyOf(proof.cBytes(), SCALAR_SIZE);
        // U = s B - c Y and V = s H - c Gamma, on public values only
        EdwardsPoint u = MultiScalar.sum(proof.sBytes(), new byte[][] {c}, new EdwardsPoint[] {y.negate()});
        EdwardsPoint v = MultiScalar.sum(null, new byte[][] {proof.sBytes(), c},
                new EdwardsPoint[] {h, proof.gamma().negate()});
        // Y and Gamma were decoded strictly, so their encodings are the bytes received
        byte[] expected = challenge(publicKey, h.encode(), Arrays.copyOf(pi, POINT_SIZE), u.encode(), v.encode());
        if (!MessageDigest.isEqual(expected, proof.cBytes())) {
            return Optional.empty();
        }
        return Optional.of(outputOf(proof.gamma()));
    }

    /** (Gamma, c, s) of a proof that passed ECVRF_decode_proof (RFC 9381 section 5.4.4). */
    record DecodedProof(EdwardsPoint gamma, byte[] cBytes, byte[] sBytes) {
        static Optional<DecodedProof> of(byte[] pi) {
            if (pi == null || pi.length != PROOF_SIZE) {
                return Optional.empty();
            }
            EdwardsPoint gamma = EdwardsPoint.decode(Arrays.copyOfRange(pi, 0, POINT_SIZE));
            if (gamma == null) {
                return Optional.empty();
            }
            byte[] c = Arrays.copyOfRange(pi, POINT_SIZE, POINT_SIZE + CHALLENGE_SIZE);
            byte[] s = Arrays.copyOfRange(pi, POINT_SIZE + CHALLENGE_SIZE, PROOF_SIZE);
            if (!Scalars.isCanonical(s)) {
                return Optional.empty();
            }
            return Optional.of(new DecodedProof(gamma, c, s));
        }

        /** c as a number. */
        BigInteger c() {
            return Scalars.toBigInteger(cBytes);
        }

        /** s as a number. */
        BigInteger s() {
            return Scalars.toBigInteger(sBytes);
        }
    }

    /**
     * The secret scalar x of RFC 8032 section 5.1.5, 32 bytes little-endian: the first half of SHA-512(seed), with
     * bits 0-2 and 255 cleared and bit 254 set (not reduced mod the group order).
     */
    static byte[] secretScalar(byte[] secretKey) {
        byte[] scalar = Arrays.copyOf(sha512(checkedSecretKey(secretKey)), 32);
        scalar[0] &= (byte) 0xf8;
        scalar[31] &= 0x7f;
        scalar[31] |= 0x40;
        return scalar;
    }

    /**
     * ECVRF_encode_to_curve_try_and_increment (RFC 9381 section 5.4.1.1) with the public key as salt: the first of
     * SHA-512(suite || 0x01 || publicKey || alpha || ctr || 0x00), ctr = 0, 1, ..., whose first 32 bytes decode to a
     * point, times the cofactor, that is not the identity. About two tries on average. Its inputs are public (the key
     * and alpha), so the variable-time decoding is fine.
     */
    static EdwardsPoint encodeToCurve(byte[] salt, byte[] alpha) {
        for (int ctr = 0; ctr < 256; ctr++) {
            byte[] hash = sha512(new byte[] {SUITE, ENCODE_TO_CURVE_FRONT}, salt, alpha, new byte[] {(byte) ctr, BACK});
            EdwardsPoint candidate = EdwardsPoint.decode(Arrays.copyOf(hash, POINT_SIZE));
            if (candidate != null) {
                EdwardsPoint h = candidate.multiplyByCofactor();
                if (!h.isIdentity()) {
                    return h;
                }
            }
        }
        // each try fails with probability about 1/2: 256 failures do not happen
        throw new IllegalStateException("try-and-increment found no point in 256 tries");
    }

    /**
     * k_string of ECVRF_nonce_generation_RFC8032 (RFC 9381 section 5.4.2.2): SHA-512 of the second half of
     * SHA-512(seed) followed by h_string. The nonce k is this, read little-endian, mod the group order.
     */
    static byte[] nonceHash(byte[] secretKey, byte[] hString) {
        byte[] hashedSecretKey = sha512(checkedSecretKey(secretKey));
        return sha512(Arrays.copyOfRange(hashedSecretKey, 32, 64), hString);
    }

    /**
     * ECVRF_challenge_generation (RFC 9381 section 5.4.3): the first 16 bytes of
     * SHA-512(suite || 0x02 || Y || H || Gamma || U || V || 0x00), given the encodings of the five points.
     */
    static byte[] challenge(byte[] y, byte[] h, byte[] gamma, byte[] u, byte[] v) {
        byte[] hash = sha512(new byte[] {SUITE, CHALLENGE_FRONT}, y, h, gamma, u, v, new byte[] {BACK});
        return Arrays.copyOf(hash, CHALLENGE_SIZE);
    }

    /** beta = SHA-512(suite || 0x03 || 8 Gamma || 0x00) (RFC 9381 section 5.2). */
    private static byte[] outputOf(EdwardsPoint gamma) {
        return sha512(new byte[] {SUITE, PROOF_TO_HASH_FRONT}, gamma.multiplyByCofactor().encode(), new byte[] {BACK});
    }

    private static byte[] checkedSecretKey(byte[] secretKey) {
        if (secretKey == null || secretKey.length != SECRET_KEY_SIZE) {
            throw new IllegalArgumentException("an ECVRF secret key (an Ed25519 seed) has 32 bytes, not "
                    + (secretKey == null ? "null" : secretKey.length));
        }
        return secretKey;
    }

    private static byte[] sha512(byte[]... parts) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-512", e);
        }
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }
}
