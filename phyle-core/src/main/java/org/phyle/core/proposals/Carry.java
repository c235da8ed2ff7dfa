package org.phyle.core.proposals;

import org.phyle.core.Effect;

/**
 * Carry out an action: sent when a proposal's timelock expires (by governance) or when the founder amends directly;
 * routed to the mechanism that declares the action's kind. The sender checked the action just before.
 */
public record Carry(ProposalAction action, Execution execution) implements Effect {
}
