package org.phyle.core;

import org.phyle.crypto.Hash;
import org.phyle.crypto.VerifyingKey;

/**
 * What every mechanism learns from the genesis: the society's id, its name and purpose, the founder, the sequencer's
 * key, the founding parameters and the genesis time.
 */
public record Founding(Hash society, String name, String purpose, VerifyingKey founder, String founderName,
                       VerifyingKey sequencer, Parameters parameters, long time) {
}
