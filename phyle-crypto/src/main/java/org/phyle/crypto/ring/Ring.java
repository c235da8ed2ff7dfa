package org.phyle.crypto.ring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.phyle.crypto.ring.RingSignatureException.Reason;

/**
 * The public keys a ring signature hides its signer among, in the one canonical order: each member once, ascending by
 * the unsigned bytes of its encoding. The order is not the signer's choice, so it reveals nothing; and since there is
 * only one order, a ring is the same ring for every signer and verifier. No member is the identity (whose secret
 * would be 0, known to all). Immutable.
 *
 * <p>Encoding: the members' 32-byte encodings, concatenated (32 n bytes, 1 ≤ n ≤ {@link #MAX_SIZE}).
 */
public final class Ring {
    /** The largest ring: verification costs about a quarter of a millisecond per member (docs/performance.md). */
    public static final int MAX_SIZE = 10_000;
    private static final Comparator<byte[]> ORDER = Arrays::compareUnsigned;

    private final List<RistrettoElement> members;

    private Ring(List<RistrettoElement> members) {
        this.members = List.copyOf(members);
    }

    /**
     * The ring of exactly these members in exactly this order; refuses an empty or oversized list, the identity, a
     * duplicate, and any order but the canonical one.
     */
    public static Ring of(List<RistrettoElement> members) {
        check(members.size());
        byte[] previous = null;
        for (RistrettoElement member : members) {
            if (member.isIdentity()) {
                throw new RingSignatureException(Reason.RING_MEMBER_IDENTITY);
            }
            byte[] encoding = member.encoded();
            if (previous != null) {
                int c = ORDER.compare(previous, encoding);
                if (c == 0) {
                    throw new RingSignatureException(Reason.RING_DUPLICATE_MEMBER);
                }
                if (c > 0) {
                    throw new RingSignatureException(Reason.RING_NOT_CANONICAL);
                }
            }
            previous = encoding;
        }
        return new Ring(members);
    }

    /** The ring of these members, put in canonical order; refuses duplicates, the identity, and empty or too many. */
    public static Ring sorted(Collection<RistrettoElement> members) {
        List<RistrettoElement> list = new ArrayList<>(members);
        check(list.size());
        list.sort(Comparator.comparing(RistrettoElement::encoded, ORDER));
        return of(list);
    }

    /** The ring encoded in these bytes (see the class comment), strictly. */
    public static Ring decode(byte[] encoded) {
        if (encoded.length == 0) {
            throw new RingSignatureException(Reason.RING_EMPTY);
        }
        if (encoded.length % RistrettoElement.ENCODED_SIZE != 0) {
            throw new RingSignatureException(Reason.RING_MEMBER_INVALID);
        }
        int n = encoded.length / RistrettoElement.ENCODED_SIZE;
        check(n);
        List<RistrettoElement> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            try {
                members.add(RistrettoElement.decode(Arrays.copyOfRange(encoded, 32 * i, 32 * i + 32)));
            } catch (GroupEncodingException e) {
                throw new RingSignatureException(Reason.RING_MEMBER_INVALID);
            }
        }
        return of(members);
    }

    private static void check(int size) {
        if (size == 0) {
            throw new RingSignatureException(Reason.RING_EMPTY);
        }
        if (size > MAX_SIZE) {
            throw new RingSignatureException(Reason.RING_TOO_LARGE);
        }
    }

    public int size() {
        return members.size();
    }

    public RistrettoElement member(int index) {
        return members.get(index);
    }

    public List<RistrettoElement> members() {
        return members;
    }

    /** The position of this key in the ring, or -1; compares with every member, so the time does not tell it. */
    public int indexOf(RistrettoElement key) {
        int found = -1;
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).equals(key)) {
                found = i;
            }
        }
        return found;
    }

    public byte[] encode() {
        byte[] out = new byte[32 * members.size()];
        for (int i = 0; i < members.size(); i++) {
            System.arraycopy(members.get(i).encoded(), 0, out, 32 * i, 32);
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ring o && members.equals(o.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return "Ring[" + members.size() + " members]";
    }
}
