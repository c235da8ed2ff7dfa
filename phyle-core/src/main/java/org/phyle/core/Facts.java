package org.phyle.core;

import org.phyle.crypto.Hash;
import org.phyle.crypto.VerifyingKey;

/** What never changes about a society after its genesis: its id, founder, sequencer and genesis time. */
public record Facts(Hash society, VerifyingKey founder, VerifyingKey sequencer, long genesisTime) {
}
