package org.phyle.crypto.ring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import org.phyle.crypto.ring.RingSignatureException.Reason;

/**
 * bLSAG, Back's linkable spontaneous anonymous group signature (as in Koe, Alonso and Noether, "Zero to Monero",
 * 2nd ed., section 3.4), over ristretto255, with a linking tag bound to a context.
 *
 * <p>A member of a ring K_0 … K_{n-1} (a {@link Ring}) with secret x (K_π = x G) signs a message under a linking
 * context (for the floating building tax: the building's identifier). With H_i = H_p(context, K_i), a hash to the
 * group, the linking tag is I = x H_π. Signing: pick α at random, c_{π+1} = H_n(T, α G, α H_π); for i = π+1, …,
 * π-1 (mod n) pick s_i at random and c_{i+1} = H_n(T, s_i G + c_i K_i, s_i H_i + c_i I); finally s_π = α - c_π x.
 * The signature is (I, c_0, s_0 … s_{n-1}). Verifying recomputes every c_{i+1} from c_i and s_i and accepts when the
 * chain comes back to c_0. T, hashed into every challenge, is a digest of the context, the ring (members and order),
 * the tag and the message, so a signature cannot be moved to another message, ring or context.
 *
 * <p>The tag depends on the secret and the context only: one key always gets the same tag for one building (a newer
 * opinion replaces the older), and unrelated tags for different buildings (an opinion cannot be replayed for another
 * building, and tags do not link a resident's opinions across buildings). Nobody can tell from the tag which member
 * signed (this rests on the decisional Diffie-Hellman assumption in ristretto255); see docs/ring-signatures.md for
 * what the tag and the ring do reveal.
 *
 * <p>Hashes are SHA-512 with a distinct domain string each; every variable-length input is prefixed by its length.
 * Secrets (x, α, the signer's position) go only through constant-time operations: α G, α H_π, x H_π and the final
 * response; the other members' terms, computed from public values, use variable-time sums.
 */
public final class Blsag {
    /** The longest linking context, in bytes. */
    public static final int MAX_CONTEXT = 1024;
    static final byte[] DOMAIN_TAG_BASE = ascii("phyle/ring/bLSAG-ristretto255/v1/tag-base");
    static final byte[] DOMAIN_TRANSCRIPT = ascii("phyle/ring/bLSAG-ristretto255/v1/transcript");
    static final byte[] DOMAIN_CHALLENGE = ascii("phyle/ring/bLSAG-ristretto255/v1/challenge");

    private Blsag() {
    }

    /**
     * Signs the message as one member of the ring, with a linking tag bound to the context. Refuses a signer whose
     * public key is not in the ring and a context that is empty or longer than {@link #MAX_CONTEXT}.
     */
    public static BlsagSignature sign(byte[] message, Ring ring, RingKeyPair signer, byte[] context,
                                      SecureRandom random) {
        checkContext(context);
        int pi = ring.indexOf(signer.publicKey());
        if (pi < 0) {
            throw new RingSignatureException(Reason.SIGNER_NOT_IN_RING);
        }
        int n = ring.size();
        RistrettoElement[] bases = tagBases(ring, context);
        RistrettoElement keyImage = bases[pi].multiply(signer.secret());
        byte[] transcript = transcript(message, ring, context, keyImage);

        Scalar[] c = new Scalar[n];
        Scalar[] s = new Scalar[n];
        Scalar alpha = Scalar.random(random);
        c[(pi + 1) % n] = challenge(transcript, RistrettoElement.multiplyGenerator(alpha), bases[pi].multiply(alpha));
        for (int k = 1; k < n; k++) {
            int i = (pi + k) % n;
            s[i] = Scalar.random(random);
            c[(i + 1) % n] = challenge(transcript, lTerm(s[i], c[i], ring.member(i)),
                    rTerm(s[i], c[i], bases[i], keyImage));
        }
        s[pi] = c[pi].negate().multiplyAdd(signer.secret(), alpha); // α - c_π x
        return new BlsagSignature(keyImage, c[0], List.of(s));
    }

    /**
     * Whether the signature is a valid signature of the message by some member of the ring under the context. False
     * (never an exception) for a signature over a ring of another size, a bad context, a missing argument, or a wrong
     * signature.
     */
    public static boolean verify(byte[] message, Ring ring, byte[] context, BlsagSignature signature) {
        if (message == null || ring == null || signature == null || context == null || context.length == 0
                || context.length > MAX_CONTEXT || signature.ringSize() != ring.size()) {
            return false;
        }
        RistrettoElement keyImage = signature.keyImage();
        byte[] transcript = transcript(message, ring, context, keyImage);
        RistrettoElement[] bases = tagBases(ring, context);
        Scalar c = signature.c0();
        for (int i = 0; i < ring.size(); i++) {
            Scalar si = signature.responses().get(i);
            c = challenge(transcript, lTerm(si, c, ring.member(i)), rTerm(si, c, bases[i], keyImage));
        }
        return c.equals(signature.c0());
    }

    /**
     * The linking tag the holder of this key pair gets under this context: x · H_p(context, K). A resident computes
     * it to find their own opinion among the building's; it equals {@link BlsagSignature#keyImage} of each of their
     * signatures under the context.
     */
    public static RistrettoElement linkingTag(RingKeyPair keyPair, byte[] context) {
        checkContext(context);
        return tagBase(context, keyPair.publicKey()).multiply(keyPair.secret());
    }

    /** H_p(context, K): the element whose multiple by K's secret is K's tag under the context. */
    static RistrettoElement tagBase(byte[] context, RistrettoElement key) {
        MessageDigest h = sha512();
        lengthPrefixed(h, DOMAIN_TAG_BASE);
        lengthPrefixed(h, context);
        h.update(key.encoded());
        return RistrettoElement.fromUniformBytes(h.digest());
    }

    private static RistrettoElement[] tagBases(Ring ring, byte[] context) {
        RistrettoElement[] bases = new RistrettoElement[ring.size()];
        for (int i = 0; i < bases.length; i++) {
            bases[i] = tagBase(context, ring.member(i));
        }
        return bases;
    }

    /** T = SHA-512(domain, context, n, K_0 … K_{n-1}, I, message), each variable-length part length-prefixed. */
    static byte[] transcript(byte[] message, Ring ring, byte[] context, RistrettoElement keyImage) {
        MessageDigest h = sha512();
        lengthPrefixed(h, DOMAIN_TRANSCRIPT);
        lengthPrefixed(h, context);
        h.update(intBytes(ring.size()));
        for (RistrettoElement member : ring.members()) {
            h.update(member.encoded());
        }
        h.update(keyImage.encoded());
        lengthPrefixed(h, message);
        return h.digest();
    }

    /** H_n(T, L, R) = SHA-512(domain, T, L, R) mod ℓ. */
    private static Scalar challenge(byte[] transcript, RistrettoElement l, RistrettoElement r) {
        MessageDigest h = sha512();
        lengthPrefixed(h, DOMAIN_CHALLENGE);
        h.update(transcript);
        h.update(l.encoded());
        h.update(r.encoded());
        return Scalar.fromWideBytes(h.digest());
    }

    /** s G + c K, variable time (public values). */
    private static RistrettoElement lTerm(Scalar s, Scalar c, RistrettoElement key) {
        return RistrettoElement.sumVartime(s, new Scalar[] {c}, new RistrettoElement[] {key});
    }

    /** s H + c I, variable time (public values). */
    private static RistrettoElement rTerm(Scalar s, Scalar c, RistrettoElement base, RistrettoElement keyImage) {
        return RistrettoElement.sumVartime(null, new Scalar[] {s, c}, new RistrettoElement[] {base, keyImage});
    }

    private static void checkContext(byte[] context) {
        if (context == null || context.length == 0 || context.length > MAX_CONTEXT) {
            throw new RingSignatureException(Reason.CONTEXT_INVALID);
        }
    }

    private static void lengthPrefixed(MessageDigest h, byte[] part) {
        h.update(intBytes(part.length));
        h.update(part);
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required of every Java platform", e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
