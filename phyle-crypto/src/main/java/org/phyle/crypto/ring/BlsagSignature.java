package org.phyle.crypto.ring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.phyle.crypto.ring.RingSignatureException.Reason;

/**
 * A bLSAG signature over a ring of n keys: the linking tag (key image) I, the first challenge c_0 and one response
 * s_i per ring member. Immutable.
 *
 * <p>Canonical encoding, {@code 64 + 32 n} bytes: I (32, a canonical ristretto255 encoding, not the identity),
 * c_0 (32, little-endian, below ℓ), then s_0 … s_{n-1} (32 each, little-endian, below ℓ). {@link #decode} accepts
 * nothing else, so every valid signature has exactly one encoding.
 */
public record BlsagSignature(RistrettoElement keyImage, Scalar c0, List<Scalar> responses) {
    public static final int OVERHEAD = 64;

    public BlsagSignature {
        responses = List.copyOf(responses);
        if (responses.isEmpty() || responses.size() > Ring.MAX_SIZE) {
            throw new RingSignatureException(Reason.SIGNATURE_LENGTH);
        }
        if (keyImage.isIdentity()) {
            throw new RingSignatureException(Reason.KEY_IMAGE_IDENTITY);
        }
    }

    /** The number of ring members the signature is for. */
    public int ringSize() {
        return responses.size();
    }

    /**
     * The linking tag's 32 bytes: the same for every signature by one key under one linking context, unrelated
     * across contexts; it does not tell which member signed.
     */
    public byte[] linkingTag() {
        return keyImage.encode();
    }

    /** The encoded size of a signature over a ring of n members. */
    public static int encodedSize(int ringSize) {
        return OVERHEAD + 32 * ringSize;
    }

    public byte[] encode() {
        byte[] out = new byte[encodedSize(responses.size())];
        System.arraycopy(keyImage.encoded(), 0, out, 0, 32);
        System.arraycopy(c0.bytes(), 0, out, 32, 32);
        for (int i = 0; i < responses.size(); i++) {
            System.arraycopy(responses.get(i).bytes(), 0, out, OVERHEAD + 32 * i, 32);
        }
        return out;
    }

    /**
     * The signature encoded in these bytes, strictly: the length must be 64 + 32 n for 1 ≤ n ≤ {@link Ring#MAX_SIZE},
     * every scalar below ℓ, the tag a canonical encoding and not the identity.
     */
    public static BlsagSignature decode(byte[] encoded) {
        if (encoded == null || encoded.length < encodedSize(1) || (encoded.length - OVERHEAD) % 32 != 0
                || (encoded.length - OVERHEAD) / 32 > Ring.MAX_SIZE) {
            throw new RingSignatureException(Reason.SIGNATURE_LENGTH);
        }
        RistrettoElement keyImage;
        try {
            keyImage = RistrettoElement.decode(Arrays.copyOfRange(encoded, 0, 32));
        } catch (GroupEncodingException e) {
            throw new RingSignatureException(Reason.KEY_IMAGE_INVALID);
        }
        Scalar c0 = scalar(encoded, 32);
        int n = (encoded.length - OVERHEAD) / 32;
        List<Scalar> responses = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            responses.add(scalar(encoded, OVERHEAD + 32 * i));
        }
        return new BlsagSignature(keyImage, c0, responses);
    }

    private static Scalar scalar(byte[] encoded, int offset) {
        try {
            return Scalar.decode(Arrays.copyOfRange(encoded, offset, offset + 32));
        } catch (GroupEncodingException e) {
            throw new RingSignatureException(Reason.SIGNATURE_SCALAR_NOT_CANONICAL);
        }
    }
}
