package org.phyle.node.store;

import org.phyle.crypto.Hash;

/** 256 consecutive leaf hashes of the log, the lowest 8 levels of the Merkle tree, and the root over them. */
public record Tile(long index, Hash root, byte[] hashes) {
    public static final int HEIGHT = 8;
    public static final int WIDTH = 1 << HEIGHT;
}
