package org.phyle.node;

import org.phyle.crypto.Hash;

/** A transaction durably on the ledger: its block and its leaf in the log. */
public record Committed(Hash txId, long height, long leafIndex) {
}
