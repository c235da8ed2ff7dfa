package org.phyle.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.phyle.crypto.ed25519.EdwardsPoint;
import org.phyle.crypto.ed25519.MultiScalar;
import org.phyle.crypto.ed25519.Scalars;

/**
 * Verifies many Ed25519 signatures at once, with exactly the verdict {@link VerifyingKey#verify} gives each
 * (docs/signatures.md), and says which are invalid.
 *
 * <p>How: signatures that fail the cheap checks (length, S &lt; L, a canonical R on the curve) are invalid at once.
 * For the rest, the cofactored equations [8]([S_i]B - R_i - [k_i]A_i) = O are combined with independent random
 * 128-bit coefficients z_i from a {@link SecureRandom} into one,
 * [8]([-sum z_i S_i]B + sum [z_i]R_i + sum [z_i k_i]A_i) = O, checked with one multi-scalar multiplication
 * ({@link MultiScalar}); the coefficients of signatures by the same key are added first. If every signature is valid
 * the combination holds; if any is not, it holds with probability at most 2^-128 (the randomness is fresh for every
 * check, so an attacker cannot aim at it). A failed check is split in halves and each half checked again, down to
 * a few signatures, which are checked one by one with {@link VerifyingKey#verify} (as are both halves when both
 * fail): the answer names every invalid signature, never just "some". Cost: a batch of valid signatures costs one
 * combined check (about half a single check per signature or less, docs/performance.md); one invalid signature among
 * n adds about 2 log2(n) checks of shrinking halves; a batch with many invalid signatures costs at most about twice
 * single checking, which bounds what a sender of forgeries can make a node spend.
 *
 * <p>Thread-safe and stateless: call it from as many threads as you like.
 */
public final class BatchVerifier {
    /** Below this many signatures a failed group is checked one by one. */
    static final int SINGLE_BELOW = 4;
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int PREPARED_KEYS = 4096;
    private static final java.util.concurrent.ConcurrentHashMap<VerifyingKey, MultiScalar.Prepared> PREPARED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** One signature to check: the signer's (validated) key, the signed bytes and the 64-byte signature. */
    public record Item(VerifyingKey key, byte[] message, byte[] signature) {
        public Item {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The verdict on each item, in the order given. */
    public static final class Verdicts {
        private final boolean[] valid;

        private Verdicts(boolean[] valid) {
            this.valid = valid;
        }

        public int size() {
            return valid.length;
        }

        /** Whether item i (0-based, as given) carries a valid signature. */
        public boolean isValid(int i) {
            return valid[i];
        }

        public boolean allValid() {
            return invalid().isEmpty();
        }

        /** The positions of the invalid items, ascending. */
        public List<Integer> invalid() {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < valid.length; i++) {
                if (!valid[i]) {
                    out.add(i);
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return "Verdicts(" + valid.length + " items, invalid " + invalid() + ")";
        }
    }

    private BatchVerifier() {
    }

    /** Checks every item; the verdict on each equals {@code item.key().verify(item.message(), item.signature())}. */
    public static Verdicts verify(List<Item> items) {
        boolean[] valid = new boolean[items.size()];
        MessageDigest sha512 = sha512();
        List<Prepared> prepared = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Prepared p = Prepared.of(i, items.get(i), sha512);
            if (p != null) {
                prepared.add(p);
            }
        }
        check(prepared, items, valid);
        return new Verdicts(valid);
    }

    /**
     * Whether the one combined equation holds for all the items, without splitting or single checks (for tests: the
     * verdicts of {@link #verify} do not show whether a valid group passed as one or was split).
     */
    static boolean combinedEquationHolds(List<Item> items) {
        MessageDigest sha512 = sha512();
        List<Prepared> prepared = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Prepared p = Prepared.of(i, items.get(i), sha512);
            if (p == null) {
                return false;
            }
            prepared.add(p);
        }
        return combinedEquationHoldsFor(prepared);
    }

    private static void check(List<Prepared> group, List<Item> items, boolean[] valid) {
        if (group.isEmpty()) {
            return;
        }
        if (group.size() < SINGLE_BELOW) {
            checkOneByOne(group, items, valid);
        } else if (combinedEquationHoldsFor(group)) {
            markValid(group, valid);
        } else {
            locate(group, items, valid);
        }
    }

    /**
     * Finds the invalid signatures of a group whose combined check failed: check each half; a half that holds is
     * valid, a failing half is searched the same way, and when both halves fail the bad signatures are dense, so
     * both are checked one by one (this bounds what a batch of forgeries costs at about twice single checking).
     */
    private static void locate(List<Prepared> failed, List<Item> items, boolean[] valid) {
        if (failed.size() < 2 * SINGLE_BELOW) {
            checkOneByOne(failed, items, valid);
            return;
        }
        int half = failed.size() / 2;
        List<Prepared> left = failed.subList(0, half);
        List<Prepared> right = failed.subList(half, failed.size());
        boolean leftHolds = combinedEquationHoldsFor(left);
        boolean rightHolds = combinedEquationHoldsFor(right);
        if (!leftHolds && !rightHolds) {
            checkOneByOne(failed, items, valid);
            return;
        }
        if (leftHolds) {
            markValid(left, valid);
        } else {
            locate(left, items, valid);
        }
        if (rightHolds) {
            markValid(right, valid);
        } else {
            locate(right, items, valid);
        }
    }

    private static void checkOneByOne(List<Prepared> group, List<Item> items, boolean[] valid) {
        for (Prepared p : group) {
            Item item = items.get(p.index());
            valid[p.index()] = item.key().verify(item.message(), item.signature());
        }
    }

    private static void markValid(List<Prepared> group, boolean[] valid) {
        for (Prepared p : group) {
            valid[p.index()] = true;
        }
    }

    private static boolean combinedEquationHoldsFor(List<Prepared> group) {
        int n = group.size();
        byte[] randomness = new byte[16 * n];
        RANDOM.nextBytes(randomness);
        byte[] bCoefficient = new byte[32];
        byte[][] scalars = new byte[n][];
        EdwardsPoint[] points = new EdwardsPoint[n];
        Map<VerifyingKey, byte[]> keyCoefficients = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Prepared p = group.get(i);
            byte[] z = new byte[32];
            System.arraycopy(randomness, 16 * i, z, 0, 16);
            bCoefficient = Scalars.mulAdd(z, p.s(), bCoefficient);
            scalars[i] = z;
            points[i] = p.r();
            byte[] zk = Scalars.mul(z, p.k());
            keyCoefficients.merge(p.key(), zk, Scalars::add);
        }
        int m = keyCoefficients.size();
        byte[][] keyScalars = new byte[m][];
        VerifyingKey[] keys = new VerifyingKey[m];
        int j = 0;
        for (Map.Entry<VerifyingKey, byte[]> e : keyCoefficients.entrySet()) {
            keyScalars[j] = e.getValue();
            keys[j] = e.getKey();
            j++;
        }
        MultiScalar.Prepared[] keyPoints = prepared(keys);
        EdwardsPoint sum = MultiScalar.sum(Scalars.negate(bCoefficient), scalars, points, keyScalars, keyPoints);
        return sum.multiplyByCofactor().isIdentity();
    }

    /**
     * Each key's point with its table of odd multiples, kept for the keys seen last: a society's transactions come
     * from far fewer keys than transactions, and the table is a tenth of a signature's share of the batch. The keys
     * not kept yet are prepared together (their affine tables share one field inversion). At most
     * {@value #PREPARED_KEYS} keys (about 4 KB each: 16 odd multiples), forgotten all at once when full.
     */
    private static MultiScalar.Prepared[] prepared(VerifyingKey[] keys) {
        MultiScalar.Prepared[] out = new MultiScalar.Prepared[keys.length];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            out[i] = PREPARED.get(keys[i]);
            if (out[i] == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            EdwardsPoint[] points = new EdwardsPoint[missing.size()];
            for (int k = 0; k < points.length; k++) {
                points[k] = keys[missing.get(k)].edwardsPoint();
            }
            MultiScalar.Prepared[] made = MultiScalar.prepareAll(points);
            if (PREPARED.size() + made.length > PREPARED_KEYS) {
                PREPARED.clear();
            }
            for (int k = 0; k < made.length; k++) {
                out[missing.get(k)] = made[k];
                PREPARED.put(keys[missing.get(k)], made[k]);
            }
        }
        return out;
    }

    /** A signature past the cheap checks: R decoded, S below L, k = SHA-512(R || A || M) mod L. */
    private record Prepared(int index, VerifyingKey key, EdwardsPoint r, byte[] s, byte[] k) {
        static Prepared of(int index, Item item, MessageDigest sha512) {
            byte[] signature = item.signature();
            if (signature == null || signature.length != VerifyingKey.SIGNATURE_SIZE) {
                return null;
            }
            byte[] s = Arrays.copyOfRange(signature, 32, 64);
            if (!Scalars.isCanonical(s)) {
                return null;
            }
            byte[] rBytes = Arrays.copyOf(signature, 32);
            EdwardsPoint r = EdwardsPoint.decode(rBytes);
            if (r == null) {
                return null;
            }
            sha512.update(rBytes);
            sha512.update(item.key().encodedView());
            sha512.update(item.message());
            byte[] k = Scalars.reduce(sha512.digest());
            return new Prepared(index, item.key(), r, s, k);
        }
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-512", e);
        }
    }
}
