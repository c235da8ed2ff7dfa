package org.phyle.core.proposals;

import java.util.function.Function;
import org.phyle.core.tx.Fields;

/**
 * A kind of proposal: its name, a sentence, and how to read its action (null for a signal, which carries none).
 * A mechanism declares the kinds it adds (and carries out) in its {@link org.phyle.core.Mechanism.Declarations}.
 */
public record ProposalKind(String name, String meaning, Function<Fields, ProposalAction> reader) {
}
