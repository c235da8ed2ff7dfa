package org.phyle.node;

import org.phyle.crypto.Hash;

/** The latest durable block and the signed checkpoint issued after it. */
public record Head(long height, long time, long treeSize, Hash root, String checkpoint) {
}
