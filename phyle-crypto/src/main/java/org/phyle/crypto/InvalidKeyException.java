package org.phyle.crypto;

/** A key, or a key's encoding, that must not be used. */
public final class InvalidKeyException extends IllegalArgumentException {
    public InvalidKeyException(String message) {
        super(message);
    }
}
