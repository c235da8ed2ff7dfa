package org.phyle.crypto.vrf;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

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
 * must be below the group order (section 5.4.4). The arithmetic is not constant time; see {@link Ed25519Point}.
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
        return Ed25519Point.BASE.multiply(secretScalar(secretKey)).encode();
    }

    /**
     * The proof pi that beta = {@link #proofToHash}(pi) is the VRF output of the secret key on alpha (RFC 9381 section
     * 5.1). Deterministic: the same key and alpha always give the same proof.
     *
     * @throws IllegalArgumentException if the secret key is not 32 bytes
     */
    public static byte[] prove(byte[] secretKey, byte[] alpha) {
        Objects.requireNonNull(alpha, "alpha");
        BigInteger x = secretScalar(secretKey);
        Ed25519Point publicPoint = Ed25519Point.BASE.multiply(x);
        Ed25519Point h = encodeToCurve(publicPoint.encode(), alpha);
        Ed25519Point gamma = h.multiply(x);
        BigInteger k = Ed25519Point.fromLittleEndian(nonceHash(secretKey, h.encode())).mod(Ed25519Point.ORDER);
        BigInteger c = challenge(publicPoint, h, gamma, Ed25519Point.BASE.multiply(k), h.multiply(k));
        BigInteger s = k.add(c.multiply(x)).mod(Ed25519Point.ORDER);
        return concat(gamma.encode(),
                Ed25519Point.toLittleEndian(c, CHALLENGE_SIZE),
                Ed25519Point.toLittleEndian(s, SCALAR_SIZE));
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
        Optional<Ed25519Point> decodedKey = Ed25519Point.decode(publicKey);
        if (decodedKey.isEmpty() || decodedKey.get().hasSmallOrder()) {
            return Optional.empty();
        }
        Optional<DecodedProof> decodedProof = DecodedProof.of(pi);
        if (decodedProof.isEmpty()) {
            return Optional.empty();
        }
        Ed25519Point y = decodedKey.get();
        DecodedProof proof = decodedProof.get();
        Ed25519Point h = encodeToCurve(publicKey, alpha);
        Ed25519Point u = Ed25519Point.BASE.multiply(proof.s()).add(y.multiply(proof.c()).negate());
        Ed25519Point v = h.multiply(proof.s()).add(proof.gamma().multiply(proof.c()).negate());
        if (!challenge(y, h, proof.gamma(), u, v).equals(proof.c())) {
            return Optional.empty();
        }
        return Optional.of(outputOf(proof.gamma()));
    }

    /** (Gamma, c, s) of a proof that passed ECVRF_decode_proof (RFC 9381 section 5.4.4). */
    record DecodedProof(Ed25519Point gamma, BigInteger c, BigInteger s) {
        static Optional<DecodedProof> of(byte[] pi) {
            if (pi == null || pi.length != PROOF_SIZE) {
                return Optional.empty();
            }
            Optional<Ed25519Point> gamma = Ed25519Point.decode(Arrays.copyOfRange(pi, 0, POINT_SIZE));
            if (gamma.isEmpty()) {
                return Optional.empty();
            }
            BigInteger c = Ed25519Point.fromLittleEndian(
                    Arrays.copyOfRange(pi, POINT_SIZE, POINT_SIZE + CHALLENGE_SIZE));
            BigInteger s = Ed25519Point.fromLittleEndian(Arrays.copyOfRange(pi, POINT_SIZE + CHALLENGE_SIZE, PROOF_SIZE));
            if (s.compareTo(Ed25519Point.ORDER) >= 0) {
                return Optional.empty();
            }
            return Optional.of(new DecodedProof(gamma.get(), c, s));
        }
    }

    /**
     * The secret scalar x of RFC 8032 section 5.1.5: the first half of SHA-512(seed), with bits 0-2 and 255 cleared
     * and bit 254 set, read little-endian (not reduced mod the group order).
     */
    static BigInteger secretScalar(byte[] secretKey) {
        byte[] scalar = Arrays.copyOf(sha512(checkedSecretKey(secretKey)), 32);
        scalar[0] &= (byte) 0xf8;
        scalar[31] &= 0x7f;
        scalar[31] |= 0x40;
        return Ed25519Point.fromLittleEndian(scalar);
    }

    /**
     * ECVRF_encode_to_curve_try_and_increment (RFC 9381 section 5.4.1.1) with the public key as salt: the first of
     * SHA-512(suite || 0x01 || publicKey || alpha || ctr || 0x00), ctr = 0, 1, ..., whose first 32 bytes decode to a
     * point, times the cofactor, that is not the identity. About two tries on average.
     */
    static Ed25519Point encodeToCurve(byte[] salt, byte[] alpha) {
        for (int ctr = 0; ctr < 256; ctr++) {
            byte[] hash = sha512(new byte[] {SUITE, ENCODE_TO_CURVE_FRONT}, salt, alpha, new byte[] {(byte) ctr, BACK});
            Optional<Ed25519Point> candidate = Ed25519Point.decode(Arrays.copyOf(hash, POINT_SIZE));
            if (candidate.isPresent()) {
                Ed25519Point h = candidate.get().multiplyByCofactor();
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
     * ECVRF_challenge_generation (RFC 9381 section 5.4.3): the first 16 bytes, little-endian, of
     * SHA-512(suite || 0x02 || Y || H || Gamma || U || V || 0x00).
     */
    static BigInteger challenge(Ed25519Point y, Ed25519Point h, Ed25519Point gamma, Ed25519Point u, Ed25519Point v) {
        byte[] hash = sha512(new byte[] {SUITE, CHALLENGE_FRONT},
                y.encode(), h.encode(), gamma.encode(), u.encode(), v.encode(), new byte[] {BACK});
        return Ed25519Point.fromLittleEndian(Arrays.copyOf(hash, CHALLENGE_SIZE));
    }

    /** beta = SHA-512(suite || 0x03 || 8 Gamma || 0x00) (RFC 9381 section 5.2). */
    private static byte[] outputOf(Ed25519Point gamma) {
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
