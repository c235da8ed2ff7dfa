package org.phyle.core;

import java.util.List;
import org.phyle.core.proposals.ProposalKinds;

/**
 * Every mechanism's rules on the parameters as a whole (for example: the handover's thresholds in order, outside
 * panels only for known proposal kinds), checked at the genesis and on every change of parameters.
 */
public record ParameterRules(List<Mechanism.ParameterRule> rules, ProposalKinds kinds) {
    public ParameterRules {
        rules = List.copyOf(rules);
    }

    /** Throws the first rule's Rejection that the parameters break. */
    public void check(Parameters parameters) {
        for (Mechanism.ParameterRule rule : rules) {
            rule.check(parameters, kinds);
        }
    }
}
