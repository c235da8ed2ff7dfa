package org.phyle.core.notary;

import org.phyle.core.tx.TxBody;

/** The transactions of the notary mechanism. */
public sealed interface NotaryTx extends TxBody permits NotaryRecord {
}
