package org.phyle.core.governance;

import java.util.function.Function;
import org.phyle.core.tx.Fields;

/**
 * A kind of proposal: its name, a sentence, and how to read its action (null for a signal, which carries none).
 * The catalogue lists every kind; a mechanism adds its own by listing it there.
 */
public record ProposalKind(String name, String meaning, Function<Fields, ProposalAction> reader) {
}
