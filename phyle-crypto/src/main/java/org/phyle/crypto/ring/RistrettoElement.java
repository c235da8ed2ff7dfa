package org.phyle.crypto.ring;

import java.util.Arrays;
import java.util.HexFormat;
import org.phyle.crypto.ed25519.EdwardsPoint;
import org.phyle.crypto.ed25519.MultiScalar;
import org.phyle.crypto.ed25519.Ristretto;

/**
 * An element of ristretto255 (RFC 9496), the prime-order group the ring signatures work in: every element but the
 * identity generates the whole group, and each element has exactly one 32-byte encoding, so there are no small-order
 * points, no cofactor and no malleable encodings to guard against. Immutable.
 *
 * <p>This class and {@link Scalar} are the whole interface the ring signatures use; they are backed by this
 * project's edwards25519 arithmetic ({@code org.phyle.crypto.ed25519}, on BouncyCastle's field), so a maintained
 * ristretto255 library can replace the backing without touching the signatures.
 *
 * <p><b>Timing.</b> {@link #multiply}, {@link #multiplyGenerator}, {@link #add}, {@link #encode},
 * {@link #fromUniformBytes} and {@link #equals} run in constant time and may handle secrets; {@link #decode} and
 * {@link #sumVartime} take time that depends on their inputs and are for public data only.
 */
public final class RistrettoElement {
    public static final int ENCODED_SIZE = 32;
    public static final RistrettoElement IDENTITY = new RistrettoElement(EdwardsPoint.IDENTITY);
    /** The generator of RFC 9496: the class of edwards25519's base point, encoded e2f2ae0a…e08d2d76. */
    public static final RistrettoElement GENERATOR = new RistrettoElement(EdwardsPoint.BASE);

    final EdwardsPoint point;
    private volatile byte[] encoding; // computed once (two threads may both compute it, to the same bytes)

    private RistrettoElement(EdwardsPoint point) {
        this.point = point;
    }

    /**
     * The element these 32 bytes encode; refuses anything but a canonical encoding (RFC 9496 section 4.3.1): a wrong
     * length, a field element not below p or negative, bytes that decode to no element. The identity (32 zero bytes)
     * is accepted here; callers that must not see it check {@link #isIdentity}.
     */
    public static RistrettoElement decode(byte[] encoded) {
        if (encoded == null || encoded.length != ENCODED_SIZE) {
            throw new GroupEncodingException("a ristretto255 element has 32 bytes, not "
                    + (encoded == null ? "none" : String.valueOf(encoded.length)));
        }
        EdwardsPoint p = Ristretto.decode(encoded);
        if (p == null) {
            throw new GroupEncodingException("not the canonical encoding of a ristretto255 element");
        }
        RistrettoElement e = new RistrettoElement(p);
        e.encoding = encoded.clone();
        return e;
    }

    /**
     * The element derived from 64 uniformly random bytes (RFC 9496 section 4.3.4; for hashing to the group, the bytes
     * are a SHA-512 digest). Nobody knows the discrete logarithm of the result to any base.
     */
    public static RistrettoElement fromUniformBytes(byte[] uniform) {
        return new RistrettoElement(Ristretto.fromUniformBytes(uniform));
    }

    /** scalar · G for the generator G. Constant time. */
    public static RistrettoElement multiplyGenerator(Scalar scalar) {
        return new RistrettoElement(EdwardsPoint.multiplyBase(scalar.bytes()));
    }

    /** scalar · this. Constant time. */
    public RistrettoElement multiply(Scalar scalar) {
        return new RistrettoElement(point.multiply(scalar.bytes()));
    }

    public RistrettoElement add(RistrettoElement other) {
        return new RistrettoElement(point.add(other.point));
    }

    public RistrettoElement subtract(RistrettoElement other) {
        return new RistrettoElement(point.subtract(other.point));
    }

    public RistrettoElement negate() {
        return new RistrettoElement(point.negate());
    }

    /**
     * g · G + the sum of scalars[i] · elements[i] (g may be null for none), by Straus's or Pippenger's method. Variable
     * time: for public scalars and elements only (verification).
     */
    public static RistrettoElement sumVartime(Scalar g, Scalar[] scalars, RistrettoElement[] elements) {
        if (scalars.length != elements.length) {
            throw new IllegalArgumentException(scalars.length + " scalars for " + elements.length + " elements");
        }
        byte[][] s = new byte[scalars.length][];
        EdwardsPoint[] p = new EdwardsPoint[elements.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = scalars[i].bytes();
            p[i] = elements[i].point;
        }
        return new RistrettoElement(MultiScalar.sum(g == null ? null : g.bytes(), s, p));
    }

    /** Whether this is the identity (neutral) element. Constant time. */
    public boolean isIdentity() {
        return Ristretto.isIdentity(point);
    }

    /** The canonical 32-byte encoding (a copy). */
    public byte[] encode() {
        return encoded().clone();
    }

    /** The encoding, not copied: for this package (never modified). */
    byte[] encoded() {
        byte[] e = encoding;
        if (e == null) {
            e = Ristretto.encode(point);
            encoding = e;
        }
        return e;
    }

    /** Equality of elements (RFC 9496 section 4.3.3), whatever points represent them. Constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RistrettoElement o && Ristretto.equal(point, o.point);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded());
    }

    /** Hex of the encoding. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(encoded());
    }
}
