package org.phyle.core.governance;

import org.phyle.core.Catalog;
import org.phyle.core.proposals.Threshold;
import org.phyle.core.proposals.Method;
import static org.assertj.core.api.Assertions.assertThat;
import static org.phyle.core.governance.GovernanceCode.*;
import static org.phyle.core.governance.Polity.HOUR;
import static org.phyle.core.governance.Polity.no;
import static org.phyle.core.governance.Polity.yes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phyle.core.Parameters;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.charter.Amendments.ParameterChange;
import org.phyle.core.charter.Amendments.TextAmendment;
import org.phyle.core.governance.GovernanceTx.*;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;

class LifecycleTest {
    final Polity polity = new Polity(10);

    static Propose parameterChange(String name, String value) {
        return new Propose("Raise the quorum", "Too few took part last time.", "rules", "parameter",
                new ParameterChange(Map.of(name, value)), Method.YES_NO, List.of(), 1, 0, false,
                Threshold.named("majority"), Optional.empty());
    }

    @Test
    void aProposalIsDraftedSponsoredOpenedTalliedAndExecutedAfterItsTimelock() {
        Hash id = polity.ok(polity.citizen(1), parameterChange("governance.quorumBp", "3000"));
        Proposal p = polity.proposal(id);
        assertThat(p.state()).isEqualTo(Proposal.State.DRAFT);
        polity.ok(polity.citizen(2), new Sponsor(id));
        assertThat(p.state()).isEqualTo(Proposal.State.DRAFT);
        polity.ok(polity.citizen(3), new Sponsor(id));
        assertThat(p.state()).isEqualTo(Proposal.State.SPONSORED);
        assertThat(p.opensAt()).isEqualTo(polity.now + 24 * HOUR);
        polity.refused(polity.citizen(4), new Vote(id, yes()), VOTING_NOT_OPEN);

        polity.at(p.opensAt());
        assertThat(p.state()).isEqualTo(Proposal.State.VOTING);
        assertThat(p.electorateSize()).isEqualTo(10);
        assertThat(p.closesAt()).isEqualTo(p.opensAt() + 168 * HOUR);
        for (int i = 0; i < 6; i++) {
            polity.vote(i, p, yes());
        }
        polity.vote(6, p, no());
        polity.close(p);
        assertThat(p.state()).isEqualTo(Proposal.State.PASSED);
        assertThat(p.result().scores()).containsExactly(6, 1, 0);
        assertThat(p.executableAt()).isEqualTo(p.closedAt() + 48 * HOUR);
        polity.refused(polity.citizen(5), new Execute(id), TIMELOCK);
        assertThat(polity.society.parameters().get(GovernanceParams.QUORUM_BP)).isEqualTo(2000);

        polity.at(p.executableAt());
        assertThat(p.state()).isEqualTo(Proposal.State.EXECUTED);
        assertThat(polity.society.parameters().get(GovernanceParams.QUORUM_BP)).isEqualTo(3000);
        assertThat(polity.society.charter().version()).isEqualTo(2);
        assertThat(polity.society.charter().versions().get(1).enactedBy()).isEqualTo(id);
        polity.refused(polity.citizen(5), new Execute(id), NOTHING_TO_EXECUTE);
    }

    @Test
    void aPassedProposalCanBeExecutedByAnyoneOnceItsTimelockExpires() {
        Proposal p = polity.open(new Propose("Article on assemblies", "", "rules", "text",
                new TextAmendment("article:Assemblies", "Assemblies meet monthly."), Method.YES_NO, List.of(), 1, 0,
                false, Threshold.named("majority"), Optional.empty()));
        for (int i = 0; i < 5; i++) {
            polity.vote(i, p, yes());
        }
        polity.close(p);
        polity.now = p.executableAt();
        polity.ok(polity.citizen(9), new Execute(p.id())); // in the very block in which the timelock expires
        assertThat(p.state()).isEqualTo(Proposal.State.EXECUTED);
        assertThat(polity.society.charter().articles()).containsEntry("Assemblies", "Assemblies meet monthly.");
    }

    @Test
    void changingAParameterNeverChangesARunningVote() {
        Proposal quorum = polity.open(parameterChange("governance.quorumBp", "9000"));
        Proposal running = polity.open(new Propose("Plant trees", "In the courtyard.", "general", "signal", null,
                Method.YES_NO, List.of(), 1, 0, false, Threshold.named("majority"), Optional.of(24 * 30)));
        for (int i = 0; i < 6; i++) {
            polity.vote(i, quorum, yes());
        }
        polity.close(quorum);
        polity.at(quorum.executableAt());
        assertThat(polity.society.parameters().get(GovernanceParams.QUORUM_BP)).isEqualTo(9000);
        polity.vote(0, running, yes());
        polity.vote(1, running, yes());
        polity.vote(2, running, no());
        polity.close(running);
        assertThat(running.quorumBp()).isEqualTo(2000);
        assertThat(running.state()).isEqualTo(Proposal.State.PASSED); // 3 of 10 meet the frozen 20%, not 90%
        Proposal after = polity.open(Propose.signal("Paint the gate", "Green."));
        assertThat(after.quorumBp()).isEqualTo(9000);
    }

    @Test
    void onlyTheAuthorCancelsAndOnlyBeforeVotingOpens() {
        Hash id = polity.ok(polity.citizen(1), Propose.signal("Withdrawn", ""));
        polity.refused(polity.citizen(2), new Cancel(id), NOT_AUTHOR);
        polity.ok(polity.citizen(1), new Cancel(id));
        assertThat(polity.proposal(id).state()).isEqualTo(Proposal.State.CANCELLED);
        polity.refused(polity.citizen(2), new Sponsor(id), NOT_SPONSORABLE);

        Proposal open = polity.open(Propose.signal("Too late to withdraw", ""));
        polity.refused(polity.citizen(1), new Cancel(open.id()), CANNOT_CANCEL);
    }

    @Test
    void sponsoringIsByOtherCitizensOnce() {
        Hash id = polity.ok(polity.citizen(1), Propose.signal("S", ""));
        polity.refused(polity.citizen(1), new Sponsor(id), OWN_PROPOSAL);
        polity.ok(polity.citizen(2), new Sponsor(id));
        polity.refused(polity.citizen(2), new Sponsor(id), ALREADY_SPONSORED);
        polity.refused(Polity.key(5000), new Sponsor(id), NOT_A_CITIZEN);
        polity.refused(polity.citizen(2), new Sponsor(Hash.sha256("none".getBytes())), UNKNOWN_PROPOSAL);
    }

    @Test
    void theElectorateIsFixedWhenVotingOpens() {
        Proposal p = polity.open(Propose.signal("E", ""));
        SigningKey late = Polity.key(777);
        Hash applied = polity.ok(late, new CitizenshipTx.Apply("Late", CitizenshipTx.Seeking.CITIZEN,
                polity.society.charterHash(), Optional.empty()));
        for (int voucher = 6; voucher <= 8; voucher++) { // three vouches make a citizen
            polity.ok(polity.citizen(voucher), new CitizenshipTx.Vouch(applied));
        }
        assertThat(polity.society.registry().byId(applied).orElseThrow().activeCitizen(polity.now)).isTrue();
        polity.refused(late, new Vote(p.id(), yes()), NOT_IN_ELECTORATE);
        polity.refused(Polity.key(5000), new Vote(p.id(), yes()), NOT_IN_ELECTORATE);
        polity.ok(polity.citizen(4), new CitizenshipTx.Renounce());
        polity.refused(polity.citizen(4), new Vote(p.id(), yes()), NOT_A_CITIZEN); // in the electorate, but gone
        polity.at(p.closesAt());
        polity.refused(polity.citizen(5), new Vote(p.id(), yes()), VOTING_CLOSED);
    }

    @Test
    void aLapsedCitizenDoesNotVote() {
        Polity shortLived = new Polity(5, Catalog.defaultParameters().with("citizenship.renewalDays", 3));
        Proposal p = shortLived.sponsored(Propose.signal("L", ""));
        shortLived.at(p.opensAt());
        shortLived.later(2 * 24 * HOUR + 1); // three days after admission: everyone's citizenship lapsed
        shortLived.refused(shortLived.citizen(1), new Vote(p.id(), yes()), CITIZENSHIP_LAPSED);
        shortLived.ok(shortLived.citizen(1), new CitizenshipTx.Renew(shortLived.society.charterHash()));
        shortLived.vote(1, p, yes());
    }

    @Test
    void theLastBallotCounts() {
        Proposal p = polity.open(Propose.signal("R", ""));
        polity.vote(1, p, yes());
        polity.vote(1, p, no());
        polity.vote(1, p, yes());
        polity.vote(2, p, no());
        polity.close(p);
        assertThat(p.result().scores()).containsExactly(1, 1, 0);
        assertThat(p.result().ballots()).isEqualTo(2);
    }

    @Test
    void bindingProposalsAreYesNoWithValidActions() {
        polity.refused(polity.citizen(1), new Propose("QV param", "", "rules", "parameter",
                new ParameterChange(Map.of("governance.quorumBp", "3000")), Method.QUADRATIC, List.of("do it"), 1, 0,
                false, Threshold.named("majority"), Optional.empty()), METHOD_NOT_ALLOWED);
        polity.refused(polity.citizen(1), parameterChange("governance.quorumBp", "20000"),
                org.phyle.core.tx.TxCode.MALFORMED);
        polity.refused(polity.citizen(1), new Propose("Short", "", "general", "signal", null, Method.YES_NO, List.of(), 1,
                0, false, Threshold.named("majority"), Optional.of(2)), INVALID_PROPOSAL);
        polity.refused(Polity.key(5000), Propose.signal("Outsider", ""), NOT_A_CITIZEN);
    }

    @Test
    void anActionThatCanNoLongerBeCarriedOutIsRecordedAsNotExecuted() {
        Proposal repeal = polity.open(new Propose("Purpose", "", "rules", "text", new TextAmendment("purpose", "New."),
                Method.YES_NO, List.of(), 1, 0, false, Threshold.named("majority"), Optional.empty()));
        for (int i = 0; i < 5; i++) {
            polity.vote(i, repeal, yes());
        }
        polity.close(repeal);
        polity.at(repeal.executableAt());
        assertThat(repeal.state()).isEqualTo(Proposal.State.EXECUTED);
        assertThat(polity.society.charter().purpose()).isEqualTo("New.");
    }
}
