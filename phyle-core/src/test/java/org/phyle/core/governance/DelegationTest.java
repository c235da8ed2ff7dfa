package org.phyle.core.governance;

import org.phyle.core.Catalog;
import org.phyle.core.proposals.Threshold;
import org.phyle.core.proposals.Method;
import static org.assertj.core.api.Assertions.assertThat;
import static org.phyle.core.governance.GovernanceCode.*;
import static org.phyle.core.governance.Polity.no;
import static org.phyle.core.governance.Polity.qv;
import static org.phyle.core.governance.Polity.yes;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phyle.core.Parameters;
import org.phyle.core.governance.GovernanceTx.*;

class DelegationTest {
    final Polity polity = new Polity(10, Catalog.defaultParameters().with("governance.maxDelegatedBp", 10_000));

    Delegate to(int citizen, String topic) {
        return new Delegate(topic, polity.person(citizen).id());
    }

    static Propose on(String topic) {
        return new Propose("T", "", topic, "signal", null, Method.YES_NO, List.of(), 1, 0, false,
                Threshold.named("majority"), Optional.empty());
    }

    @Test
    void aDelegatorsVoteFollowsTheirDelegateUnlessTheyVoteThemselves() {
        polity.ok(polity.citizen(5), to(1, "budget"));
        polity.ok(polity.citizen(6), to(1, "*"));
        polity.ok(polity.citizen(7), to(2, "budget"));
        Proposal p = polity.open(on("budget"));
        polity.vote(1, p, yes());
        polity.vote(2, p, no());
        polity.vote(7, p, yes()); // overrides the delegation to 2
        polity.close(p);
        assertThat(p.result().scores()).containsExactly(4, 1, 0); // 1 + 5 + 6, and 7 itself; 2 alone
        assertThat(p.result().delegated()).isEqualTo(2);
        assertThat(p.result().ballots()).isEqualTo(3);
        assertThat(p.result().participants()).isEqualTo(5);
    }

    @Test
    void delegationsFollowChainsAndTopicsBeforeTheCatchAll() {
        polity.ok(polity.citizen(5), to(4, "*"));
        polity.ok(polity.citizen(4), to(3, "*"));
        polity.ok(polity.citizen(6), to(4, "*"));
        polity.ok(polity.citizen(6), to(2, "land")); // for land, 6 follows 2
        Proposal p = polity.open(on("land"));
        polity.vote(3, p, yes());
        polity.vote(2, p, no());
        polity.close(p);
        assertThat(p.result().scores()).containsExactly(3, 2, 0); // 3 + 4 + 5; 2 + 6
    }

    @Test
    void cyclesAndSelfDelegationAreRefused() {
        polity.refused(polity.citizen(1), to(1, "*"), SELF_DELEGATION);
        polity.ok(polity.citizen(1), to(2, "budget"));
        polity.ok(polity.citizen(2), to(3, "budget"));
        polity.refused(polity.citizen(3), to(1, "budget"), DELEGATION_CYCLE);
        polity.refused(polity.citizen(3), to(1, "*"), DELEGATION_CYCLE); // "*" covers budget too
        polity.ok(polity.citizen(3), to(1, "land")); // another topic: no cycle
        polity.refused(polity.citizen(3), new Delegate("*", org.phyle.crypto.Hash.sha256("x".getBytes())), NOT_A_CITIZEN);
        polity.refused(polity.citizen(4), new Undelegate("budget"), NO_DELEGATION);
        polity.ok(polity.citizen(2), new Undelegate("budget"));
        polity.ok(polity.citizen(3), to(1, "budget")); // the chain is broken now
    }

    @Test
    void noDelegateCarriesMoreThanTheCap() {
        Polity capped = new Polity(40, Catalog.defaultParameters().with("governance.maxDelegatedBp", 1000)); // 10%: 4 votes
        for (int i = 10; i < 20; i++) {
            capped.ok(capped.citizen(i), new Delegate("*", capped.person(1).id()));
        }
        Proposal p = capped.open(on("general"));
        capped.vote(1, p, yes());
        capped.vote(2, p, no());
        capped.close(p);
        assertThat(p.result().scores()).containsExactly(4, 1, 0); // 1 carries itself and 3 delegations
        assertThat(p.result().delegated()).isEqualTo(3);
        assertThat(p.result().fellBack()).isEqualTo(7);
    }

    @Test
    void delegationNeverMovesQuadraticCredits() {
        polity.ok(polity.citizen(5), to(1, "*"));
        Proposal p = polity.open(new Propose("Q", "", "budget", "signal", null, Method.QUADRATIC, List.of("x"), 1, 0,
                false, Threshold.named("majority"), Optional.empty()));
        polity.vote(1, p, qv(10));
        polity.vote(2, p, qv(1));
        polity.close(p);
        assertThat(p.result().scores()).containsExactly(11);
        assertThat(p.result().delegated()).isZero();
        polity.refused(polity.citizen(1), new Vote(p.id(), qv(1)), VOTING_CLOSED);
    }
}
