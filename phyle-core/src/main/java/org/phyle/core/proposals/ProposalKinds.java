package org.phyle.core.proposals;

import java.util.List;
import java.util.Optional;

/** Every kind of proposal the society's mechanisms declare, by name; offered as a read view by the society. */
public record ProposalKinds(List<ProposalKind> all) {
    public ProposalKinds {
        all = List.copyOf(all);
    }

    public Optional<ProposalKind> byName(String name) {
        return all.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return all.stream().map(ProposalKind::name).toList();
    }
}
