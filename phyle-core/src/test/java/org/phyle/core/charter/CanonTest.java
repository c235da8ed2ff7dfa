package org.phyle.core.charter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phyle.core.canon.Canon;
import org.phyle.core.canon.CanonCode;
import org.phyle.core.canon.CanonTx;
import org.phyle.core.citizenship.CitizenshipCode;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.governance.Proposal;
import org.phyle.crypto.Hash;

/**
 * The canon, open from the genesis: essays by anyone with a key, within a quota and with their standing shown;
 * proposed articles, endorsement, adoption and recognition by citizens.
 */
class CanonTest {
    final Founded s = new Founded(Founded.schedule().with("charter.canonEndorsements", 3));

    static CanonTx.Publish article(String target, String text) {
        return new CanonTx.Publish(CanonTx.Kind.ARTICLE, "On " + target, text, Optional.of(target));
    }

    @Test
    void aProposedArticleWithEnoughEndorsementsIsVotedOnAndItsAuthorRecognised() {
        s.grow(3); // four citizens: still the Founding stage: citizens cannot propose binding changes, but the canon can
        assertThat(s.handover().stage()).isEqualTo(Stage.FOUNDING);
        Hash essay = s.ok(s.citizen(2), new CanonTx.Publish(CanonTx.Kind.ESSAY, "Why we share",
                "Because owning alone is lonely.", Optional.empty()));
        Hash text = s.ok(s.citizen(1), article("article:care", "We look after one another."));
        s.ok(s.citizen(3), new CanonTx.Endorse(essay));

        s.ok(s.citizen(2), new CanonTx.Endorse(text));
        s.ok(s.founder, new CanonTx.Endorse(text));
        Canon.Text t = s.society.canon().byId(text).orElseThrow();
        assertThat(t.proposal()).isEmpty();
        Hash completing = s.ok(s.citizen(3), new CanonTx.Endorse(text));
        assertThat(t.proposal()).contains(completing);

        Proposal p = s.society.governance().byId(completing).orElseThrow();
        assertThat(p.author()).isEqualTo(1);
        assertThat(p.kind()).isEqualTo("text");
        assertThat(p.sponsors()).containsExactlyInAnyOrder(2, 0, 3);
        assertThat(p.state()).isEqualTo(Proposal.State.SPONSORED);
        s.at(p.opensAt());
        for (int i = 0; i < 4; i++) {
            s.ok(s.citizen(i), new GovernanceTx.Vote(p.id(), new Ballot.YesNo(Ballot.YesNo.Choice.YES)));
        }
        s.at(p.closesAt());
        s.at(p.executableAt());
        assertThat(p.state()).isEqualTo(Proposal.State.EXECUTED);
        assertThat(s.society.charter().articles()).containsEntry("care", "We look after one another.");
        Canon.Attestation a = s.society.canon().attestations().get(0);
        assertThat(a.author()).isEqualTo(1);
        assertThat(a.text()).isEqualTo(text);
        assertThat(a.proposal()).isEqualTo(p.id());
        assertThat(a.charterVersion()).isEqualTo(s.society.charter().version());
        assertThat(a.height()).isEqualTo(s.society.height());

        // more endorsements after it went to the vote count, but make no second proposal
        int proposals = s.society.governance().proposals().size();
        s.grow(1);
        s.ok(s.citizen(4), new CanonTx.Endorse(text));
        assertThat(s.society.governance().proposals()).hasSize(proposals);
        assertThat(s.society.canon().byId(essay).orElseThrow().proposal()).as("essays are not voted on").isEmpty();
    }

    @Test
    void badPublicationsAndEndorsementsAreRefused() {
        s.grow(2);
        Hash text = s.ok(s.citizen(1), article("article:care", "We look after one another."));
        s.refused(s.citizen(1), new CanonTx.Endorse(text), CanonCode.OWN_TEXT);
        s.ok(s.citizen(2), new CanonTx.Endorse(text));
        s.refused(s.citizen(2), new CanonTx.Endorse(text), CanonCode.ALREADY_ENDORSED);
        s.refused(s.citizen(2), new CanonTx.Endorse(Hash.sha256(new byte[] {9})), CanonCode.UNKNOWN_TEXT);

        s.ok(Founded.key(700), new CitizenshipTx.Apply("Applicant", CitizenshipTx.Seeking.CITIZEN,
                s.society.charterHash(), Optional.empty()));
        s.refused(Founded.key(700), new CanonTx.Endorse(text), CitizenshipCode.NOT_A_CITIZEN);
        s.refused(Founded.key(700), article("article:x", "Y"), CitizenshipCode.NOT_A_CITIZEN);
        s.refused(Founded.key(701), new CanonTx.Endorse(text), CitizenshipCode.NOT_REGISTERED);
        s.ok(s.citizen(2), new CitizenshipTx.Renounce());
        s.refused(s.citizen(2), new CanonTx.Endorse(text), CitizenshipCode.KEY_RETIRED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.tx(s.citizen(1), article("preamble", "No.")))
                .hasMessageContaining("purpose");
    }

    static CanonTx.Publish essay(String title) {
        return new CanonTx.Publish(CanonTx.Kind.ESSAY, title, "Some thoughts.", Optional.empty());
    }

    @Test
    void anyoneWithAKeyPublishesEssaysWithinAQuotaAndTheirStandingIsShown() {
        s.grow(2);
        org.phyle.crypto.SigningKey outsider = Founded.key(800);
        Hash first = s.ok(outsider, essay("A letter from elsewhere"));
        Canon.Text t = s.society.canon().byId(first).orElseThrow();
        assertThat(t.standing()).isEqualTo(org.phyle.core.canon.Standing.OUTSIDER);
        assertThat(t.author()).isEqualTo(-1);
        assertThat(t.authorKey()).isEqualTo(outsider.verifyingKey());
        s.ok(outsider, essay("A second letter"));
        // the default quota for keys that are not a citizen's: two a week
        s.refused(outsider, essay("A third letter"), CanonCode.TEXT_QUOTA);
        // outsiders do not propose articles, nor endorse
        s.refused(outsider, article("article:x", "Y"), CitizenshipCode.NOT_REGISTERED);
        s.refused(outsider, new CanonTx.Endorse(first), CitizenshipCode.NOT_REGISTERED);
        // citizens endorse an outsider's essay; an essay never goes to a vote
        s.ok(s.citizen(1), new CanonTx.Endorse(first));
        assertThat(t.endorsers()).containsExactly(1);
        // a new week, a new quota
        s.later(Founded.DAY * 7);
        s.ok(outsider, essay("A letter a week later"));

        Hash citizens = s.ok(s.citizen(2), essay("From a citizen"));
        assertThat(s.society.canon().byId(citizens).orElseThrow().standing())
                .isEqualTo(org.phyle.core.canon.Standing.CITIZEN);
        s.ok(Founded.key(801), new CitizenshipTx.Apply("Someone", CitizenshipTx.Seeking.E_RESIDENT,
                s.society.charterHash(), Optional.empty()));
        Hash resident = s.ok(Founded.key(801), essay("From an e-resident"));
        assertThat(s.society.canon().byId(resident).orElseThrow().standing())
                .isEqualTo(org.phyle.core.canon.Standing.E_RESIDENT);
        assertThat(s.replay().digest()).isEqualTo(s.society.digest());
    }
}
