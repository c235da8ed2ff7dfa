package org.phyle.core.tx;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of a transaction: one record per transaction type, declared by the mechanism that owns it (as a permitted
 * subtype of that mechanism's sealed interface).
 */
public interface TxBody {
    /** The transaction type, {@code <mechanism>.<action>}, e.g. {@code notary.record}. */
    String type();

    /** The body as the JSON object that goes into the payload. */
    ObjectNode toJson();
}
