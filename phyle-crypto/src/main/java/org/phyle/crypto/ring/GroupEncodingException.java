package org.phyle.crypto.ring;

/** Bytes that are not the canonical encoding of a group element or a scalar. */
public final class GroupEncodingException extends IllegalArgumentException {
    public GroupEncodingException(String message) {
        super(message);
    }
}
