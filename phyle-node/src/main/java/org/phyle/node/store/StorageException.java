package org.phyle.node.store;

/** Storage failed or holds something it must not: the node stops rather than guess. */
public final class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
