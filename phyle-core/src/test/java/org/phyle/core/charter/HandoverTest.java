package org.phyle.core.charter;

import org.phyle.core.Catalog;
import org.phyle.core.authority.CharterActions;
import org.phyle.core.authority.CharterTx;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phyle.core.Parameters;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.governance.GovernanceCode;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.proposals.Method;
import org.phyle.core.governance.Proposal;
import org.phyle.core.proposals.Threshold;
import org.phyle.crypto.Hash;

/** Worked examples of every stage transition, and of every refusal the handover makes. */
class HandoverTest {
    final Founded s = new Founded();

    static GovernanceTx.Propose parameter(String name, long value, String threshold) {
        return new GovernanceTx.Propose("Set " + name, "", "charter", "parameter",
                new Amendments.ParameterChange(Map.of(name, Long.toString(value))), Method.YES_NO, List.of(), 1, 0, false,
                Threshold.named(threshold), Optional.empty());
    }

    static GovernanceTx.Propose text(String target, String body, Optional<Boolean> entrench, String threshold) {
        return new GovernanceTx.Propose("Amend " + target, "", "charter", "text",
                new Amendments.TextAmendment(target, body, entrench), Method.YES_NO, List.of(), 1, 0, false,
                Threshold.named(threshold), Optional.empty());
    }

    static CharterTx.Amend founderSets(String name, long value) {
        return new CharterTx.Amend("parameter", new Amendments.ParameterChange(Map.of(name, Long.toString(value))));
    }

    @Test
    void inTheFoundingStageTheFounderAdmitsAmendsAndAppointsAloneAndCitizensProposeSignals() {
        s.grow(3);
        assertThat(s.handover().stage()).isEqualTo(Stage.FOUNDING);
        assertThat(s.founderPowers()).containsExactlyInAnyOrder(Stage.FounderPower.values());

        Hash amend = s.ok(s.founder, founderSets("governance.quorumBp", 3000));
        assertThat(s.society.parameters().get(org.phyle.core.governance.GovernanceParams.QUORUM_BP)).isEqualTo(3000);
        assertThat(s.society.charter().version()).isEqualTo(2);
        assertThat(s.society.charter().versions().get(1).enactedBy()).isEqualTo(amend);
        s.ok(s.founder, new CharterTx.Amend("text", new Amendments.TextAmendment("article:welcome", "Be kind.")));
        assertThat(s.society.charter().articles()).containsEntry("welcome", "Be kind.");
        s.ok(s.founder, new CharterTx.Amend("stewards", new CharterActions.Stewards(List.of(s.person(1).id()),
                List.of())));
        assertThat(s.society.offices().stewards()).containsExactly(1);
        s.refused(s.founder, new CharterTx.Amend("stewards", new CharterActions.Stewards(List.of(s.person(1).id()),
                List.of())), CharterCode.ALREADY_IN_OFFICE);
        s.refused(s.citizen(1), founderSets("governance.quorumBp", 100), CharterCode.NOT_FOUNDER);

        s.ok(s.citizen(1), GovernanceTx.Propose.signal("A signal", "Citizens may say what they think."));
        s.refused(s.citizen(1), parameter("governance.quorumBp", 2500, "majority"), CharterCode.NOT_IN_THIS_STAGE);
        // the founder's own proposals go to the vote without co-sponsors
        Hash mine = s.ok(s.founder, parameter("governance.quorumBp", 2500, "majority"));
        assertThat(s.society.governance().byId(mine).orElseThrow().state()).isEqualTo(Proposal.State.SPONSORED);
    }

    @Test
    void theCommunityStageBeginsInTheBlockThatCrossesItsThresholdAndPowerNeverReturns() {
        s.grow(3);
        assertThat(s.handover().stage()).isEqualTo(Stage.FOUNDING);
        s.grow(1); // the fifth citizen
        long height = s.society.height();
        assertThat(s.handover().stage()).isEqualTo(Stage.COMMUNITY);
        Handover.Entry entry = s.handover().entries().get(1);
        assertThat(entry.height()).isEqualTo(height);
        assertThat(entry.time()).isEqualTo(s.now);
        assertThat(entry.cause()).contains("5 citizens in good standing");
        assertThat(s.founderPowers()).containsExactlyInAnyOrder(Stage.FounderPower.PROPOSE_WITHOUT_SPONSORS,
                Stage.FounderPower.VETO);

        Hash applicant = s.ok(Founded.key(500), new CitizenshipTx.Apply("Late", CitizenshipTx.Seeking.CITIZEN,
                s.society.charterHash(), Optional.empty()));
        s.refused(s.founder, new CitizenshipTx.Admit(applicant), CharterCode.FOUNDER_POWER_ENDED);
        s.refused(s.founder, founderSets("governance.quorumBp", 3000), CharterCode.FOUNDER_POWER_ENDED);
        // citizens may now propose binding changes; the founder's still need no co-sponsors
        Hash theirs = s.ok(s.citizen(1), parameter("governance.quorumBp", 2500, "majority"));
        assertThat(s.society.governance().byId(theirs).orElseThrow().state()).isEqualTo(Proposal.State.DRAFT);
        Hash founders = s.ok(s.founder, parameter("governance.quorumBp", 3000, "majority"));
        assertThat(s.society.governance().byId(founders).orElseThrow().state()).isEqualTo(Proposal.State.SPONSORED);

        // two leave: numbers fall below the threshold, the stage stays
        s.ok(s.citizen(3), new CitizenshipTx.Renounce());
        s.ok(s.citizen(4), new CitizenshipTx.Renounce());
        assertThat(s.society.registry().activeCitizens(s.now)).isEqualTo(3);
        assertThat(s.handover().stage()).isEqualTo(Stage.COMMUNITY);
        s.refused(s.founder, new CitizenshipTx.Admit(applicant), CharterCode.FOUNDER_POWER_ENDED);
    }

    @Test
    void inTheRepublicTheFounderKeepsOnlyASuspensiveVetoUsableOnce() {
        s.growTo(8);
        assertThat(s.handover().stage()).isEqualTo(Stage.REPUBLIC);
        assertThat(s.founderPowers()).containsExactly(Stage.FounderPower.VETO);
        Hash founders = s.ok(s.founder, GovernanceTx.Propose.signal("Founder's idea", ""));
        assertThat(s.society.governance().byId(founders).orElseThrow().state()).as("needs sponsors now")
                .isEqualTo(Proposal.State.DRAFT);

        Proposal p = s.pass(parameter("governance.quorumBp", 2500, "majority"));
        long executable = p.executableAt();
        s.ok(s.founder, new CharterTx.Veto(p.id()));
        assertThat(p.executableAt()).isEqualTo(executable + p.votingMs());
        assertThat(p.vetoedAt()).isEqualTo(s.now);
        s.refused(s.founder, new CharterTx.Veto(p.id()), CharterCode.NOT_VETOABLE);
        s.refused(s.citizen(1), new CharterTx.Veto(p.id()), CharterCode.NOT_FOUNDER);
        s.at(executable);
        assertThat(p.state()).as("delayed, not stopped").isEqualTo(Proposal.State.PASSED);
        s.at(p.executableAt());
        assertThat(p.state()).isEqualTo(Proposal.State.EXECUTED);
        assertThat(s.society.parameters().get(org.phyle.core.governance.GovernanceParams.QUORUM_BP)).isEqualTo(2500);

        Proposal signal = s.pass(GovernanceTx.Propose.signal("Nothing binding", ""));
        s.refused(s.founder, new CharterTx.Veto(signal.id()), CharterCode.NOT_VETOABLE);
    }

    @Test
    void inTheCommonwealthTheFounderIsACitizenAndAnElectedCouncilActsByMajority() {
        s.growTo(8);
        Proposal passed = s.pass(parameter("governance.quorumBp", 2500, "majority"));
        GovernanceTx.Propose election = council(List.of(s.person(1).id(), s.person(2).id(), s.person(3).id()));
        s.refused(s.citizen(1), election, CharterCode.NOT_IN_THIS_STAGE);

        s.growTo(12);
        assertThat(s.handover().stage()).isEqualTo(Stage.COMMONWEALTH);
        assertThat(s.founderPowers()).isEmpty();
        s.refused(s.founder, new CharterTx.Veto(passed.id()), CharterCode.FOUNDER_POWER_ENDED);

        Hash id = s.ok(s.citizen(1), election);
        s.ok(s.citizen(2), new GovernanceTx.Sponsor(id));
        Proposal p = s.society.governance().byId(id).orElseThrow();
        s.at(p.opensAt());
        for (int i = 0; i < 12; i++) { // 1 and 2 approved by all, 3 by half
            int[] approve = i % 2 == 0 ? new int[] {0, 1, 2} : new int[] {0, 1};
            s.ok(s.citizen(i), new GovernanceTx.Vote(id, new org.phyle.core.governance.Ballot.Approval(approve)));
        }
        s.at(p.closesAt());
        assertThat(p.result().winners()).containsExactly(0, 1, 2);
        s.at(p.executableAt());
        assertThat(p.state()).isEqualTo(Proposal.State.EXECUTED);
        assertThat(s.society.offices().council(s.now)).containsExactly(1, 2, 3);

        Hash steward = s.person(9).id();
        s.refused(s.citizen(5), new CharterTx.CouncilAct(Offices.Act.APPOINT_STEWARD, steward),
                CharterCode.NOT_ON_COUNCIL);
        s.ok(s.citizen(1), new CharterTx.CouncilAct(Offices.Act.APPOINT_STEWARD, steward));
        s.refused(s.citizen(1), new CharterTx.CouncilAct(Offices.Act.APPOINT_STEWARD, steward),
                CharterCode.ALREADY_SIGNED);
        assertThat(s.society.offices().stewards()).as("one of three is not a majority").isEmpty();
        s.ok(s.citizen(3), new CharterTx.CouncilAct(Offices.Act.APPOINT_STEWARD, steward));
        assertThat(s.society.offices().stewards()).containsExactly(9);
        s.refused(s.citizen(2), new CharterTx.CouncilAct(Offices.Act.DISMISS_STEWARD, s.person(8).id()),
                CharterCode.NOT_IN_OFFICE);

        s.later(365 * Founded.DAY); // the term ends
        assertThat(s.society.offices().council(s.now)).isEmpty();
        s.refused(s.citizen(1), new CharterTx.CouncilAct(Offices.Act.DISMISS_STEWARD, steward),
                CharterCode.NOT_ON_COUNCIL);
    }

    static GovernanceTx.Propose council(List<Hash> candidates) {
        List<String> options = candidates.stream().map(h -> "candidate " + h.hex().substring(0, 6)).toList();
        return new GovernanceTx.Propose("Council", "", "council", "council",
                new CharterActions.CouncilElection(candidates), Method.APPROVAL, options, candidates.size(),
                candidates.size(), false, Threshold.named("majority"), Optional.empty());
    }

    @Test
    void beforeTheSovereignStageTheScheduleOnlyMovesTowardTheCommunityAndEntrenchedTextsNeedASupermajority() {
        s.grow(2);
        // the founder may hasten the handover alone, never delay it
        s.ok(s.founder, founderSets("charter.communityAt", 4));
        s.refused(s.founder, founderSets("charter.communityAt", 6), CharterCode.DELAYS_HANDOVER);
        s.refused(s.founder, founderSets("charter.republicAt", 3), CharterCode.INVALID_AMENDMENT); // out of order
        s.refused(s.founder, founderSets("charter.entrenchedBp", 5500), CharterCode.ENTRENCHED);
        s.refused(s.founder, new CharterTx.Amend("text", new Amendments.TextAmendment("article:a", "A",
                Optional.of(true))), CharterCode.ENTRENCHED);
        s.grow(1);
        assertThat(s.handover().stage()).isEqualTo(Stage.COMMUNITY);

        s.refused(s.citizen(1), parameter("charter.republicAt", 9, "6667bp"), CharterCode.DELAYS_HANDOVER);
        s.refused(s.citizen(1), parameter("charter.republicAt", 7, "majority"), GovernanceCode.INVALID_PROPOSAL);
        Proposal hasten = s.pass(parameter("charter.backstopYears", 3, "6667bp"));
        s.at(hasten.executableAt());
        assertThat(s.society.parameters().get(CharterParams.BACKSTOP_YEARS)).isEqualTo(3);
        s.refused(s.citizen(1), parameter("charter.backstopYears", 4, "6667bp"), CharterCode.DELAYS_HANDOVER);
        s.refused(s.citizen(1), parameter("charter.backstopYears", 0, "6667bp"), CharterCode.DELAYS_HANDOVER);

        Proposal entrench = s.pass(text("article:rights", "Everyone may leave.", Optional.of(true), "6667bp"));
        s.at(entrench.executableAt());
        assertThat(s.society.charter().isEntrenched("article:rights")).isTrue();
        s.refused(s.citizen(1), text("article:rights", "Nobody may leave.", Optional.empty(), "majority"),
                GovernanceCode.INVALID_PROPOSAL);
        s.ok(s.citizen(1), text("article:rights", "Everyone may leave, any day.", Optional.empty(), "6667bp"));
    }

    @Test
    void inTheSovereignStageAReferendumOfFiftyOnePercentChangesAnything() {
        s.growTo(5);
        Proposal entrench = s.pass(text("article:rights", "Everyone may leave.", Optional.of(true), "6667bp"));
        s.at(entrench.executableAt());
        s.growTo(16);
        assertThat(s.handover().stage()).isEqualTo(Stage.SOVEREIGN);
        assertThat(s.handover().entries()).extracting(Handover.Entry::stage).containsExactly(Stage.values());

        s.refused(s.citizen(1), text("article:rights", "Leaving needs notice.", Optional.empty(), "majority"),
                GovernanceCode.INVALID_PROPOSAL);
        Proposal amend = s.pass(text("article:rights", "Leaving needs a week's notice.", Optional.empty(), "5100bp"));
        Proposal later = s.pass(parameter("charter.sovereignAt", 1_000_000, "5100bp"));
        s.at(Math.max(amend.executableAt(), later.executableAt()));
        assertThat(s.society.charter().articles()).containsEntry("rights", "Leaving needs a week's notice.");
        assertThat(s.society.parameters().get(CharterParams.SOVEREIGN_AT)).isEqualTo(1_000_000);
        assertThat(s.handover().stage()).as("a stage once begun never ends").isEqualTo(Stage.SOVEREIGN);
    }

    @Test
    void theTimeBackstopAdvancesOneStageAtATimeWhateverThePopulation() {
        Founded slow = new Founded(Founded.schedule().with("charter.backstopYears", 2));
        slow.grow(1);
        slow.at(Founded.T0 + 2 * Handover.YEAR_MS - 1);
        assertThat(slow.handover().stage()).isEqualTo(Stage.FOUNDING);
        assertThat(slow.society.nextDue()).isEqualTo(Founded.T0 + 2 * Handover.YEAR_MS);
        slow.at(Founded.T0 + 2 * Handover.YEAR_MS);
        assertThat(slow.handover().stage()).isEqualTo(Stage.COMMUNITY);
        assertThat(slow.handover().entries().get(1).cause()).contains("backstop");
        slow.at(Founded.T0 + 4 * Handover.YEAR_MS + 5);
        assertThat(slow.handover().stage()).isEqualTo(Stage.REPUBLIC);
    }

    @Test
    void theFounderMayRetireEarlyAndRetirementIsFinal() {
        s.grow(2);
        s.refused(s.citizen(1), new CharterTx.Retire(), CharterCode.NOT_FOUNDER);
        s.ok(s.founder, new CharterTx.Retire());
        assertThat(s.handover().retired()).isTrue();
        assertThat(s.founderPowers()).isEmpty();
        s.refused(s.founder, new CharterTx.Retire(), CharterCode.ALREADY_RETIRED);
        Hash applicant = s.ok(Founded.key(600), new CitizenshipTx.Apply("X", CitizenshipTx.Seeking.CITIZEN,
                s.society.charterHash(), Optional.empty()));
        s.refused(s.founder, new CitizenshipTx.Admit(applicant), CharterCode.FOUNDER_RETIRED);
        s.refused(s.founder, founderSets("governance.quorumBp", 3000), CharterCode.FOUNDER_RETIRED);
        Hash founders = s.ok(s.founder, GovernanceTx.Propose.signal("Still a citizen", ""));
        assertThat(s.society.governance().byId(founders).orElseThrow().state()).as("sponsors needed like anyone's")
                .isEqualTo(Proposal.State.DRAFT);
    }

    @Test
    void badGenesisSchedulesAreRefused() {
        Parameters outOfOrder = Catalog.defaultParameters().with("charter.republicAt", 50);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Founded(outOfOrder))
                .hasMessageContaining("republic");
    }
}
