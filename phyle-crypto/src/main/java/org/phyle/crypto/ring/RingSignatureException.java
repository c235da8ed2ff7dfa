package org.phyle.crypto.ring;

/** A ring, a signature or a signing request that is refused, with a stable code and a sentence for a person. */
public final class RingSignatureException extends IllegalArgumentException {
    /** The stable codes; their names never change. */
    public enum Reason {
        RING_EMPTY("a ring needs at least one member"),
        RING_TOO_LARGE("a ring has at most " + Ring.MAX_SIZE + " members"),
        RING_NOT_CANONICAL("a ring's members must be listed once each, in ascending order of their encodings"),
        RING_DUPLICATE_MEMBER("a key appears twice in the ring"),
        RING_MEMBER_INVALID("a ring member is not the canonical encoding of a ristretto255 element"),
        RING_MEMBER_IDENTITY("the identity element is no one's key and cannot be a ring member"),
        SIGNER_NOT_IN_RING("the signer's key is not a member of the ring"),
        CONTEXT_INVALID("the linking context must have between 1 and " + Blsag.MAX_CONTEXT + " bytes"),
        SECRET_ZERO("a secret key may not be zero"),
        SIGNATURE_LENGTH("a signature has 64 + 32 bytes per ring member, up to " + Ring.MAX_SIZE + " members"),
        SIGNATURE_SCALAR_NOT_CANONICAL("a scalar of the signature is not below the group order"),
        KEY_IMAGE_INVALID("the signature's linking tag is not the canonical encoding of a ristretto255 element"),
        KEY_IMAGE_IDENTITY("the signature's linking tag is the identity element");

        private final String sentence;

        Reason(String sentence) {
            this.sentence = sentence;
        }

        public String sentence() {
            return sentence;
        }
    }

    private final Reason reason;

    public RingSignatureException(Reason reason) {
        super(reason.name() + ": " + reason.sentence());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
