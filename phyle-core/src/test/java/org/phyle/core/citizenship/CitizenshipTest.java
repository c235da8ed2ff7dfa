package org.phyle.core.citizenship;

import org.phyle.core.Catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.phyle.core.citizenship.CitizenshipCode.*;
import static org.phyle.core.citizenship.Town.DAY;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phyle.core.Parameters;
import org.phyle.core.Rejection;
import org.phyle.core.charter.CharterCode;
import org.phyle.core.charter.Stage;
import org.phyle.core.citizenship.CitizenshipTx.*;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;

class CitizenshipTest {
    final Town town = new Town();

    @Test
    void theFounderIsTheFirstCitizenAndConsentedByFounding() {
        Person f = town.person(town.founder);
        assertThat(f.number()).isZero();
        assertThat(f.id()).isEqualTo(town.society.id());
        assertThat(f.status()).isEqualTo(Status.CITIZEN);
        assertThat(f.charter()).isEqualTo(town.charter());
        assertThat(f.expiresAt()).isEqualTo(Town.T0 + 730 * DAY);
        assertThat(town.registry().activeCitizens(town.now)).isEqualTo(1);
    }

    @Test
    void anApplicationRecordsConsentAndIsMadeOnce() {
        SigningKey ana = Town.key(10);
        Hash evidence = Hash.sha256("passport selfie".getBytes());
        town.ok(ana, new Apply("Ana", Seeking.CITIZEN, town.charter(), Optional.of(evidence)));
        Person p = town.person(ana);
        assertThat(p.status()).isEqualTo(Status.APPLICANT);
        assertThat(p.name()).isEqualTo("Ana");
        assertThat(p.evidence()).isEqualTo(evidence);
        assertThat(p.charter()).isEqualTo(town.charter());
        assertThat(p.consentedAt()).isEqualTo(town.now);

        town.refused(ana, new Apply("Ana again", Seeking.CITIZEN, town.charter(), Optional.empty()), ALREADY_REGISTERED);
        town.refused(Town.key(11), new Apply("Bo", Seeking.CITIZEN, Hash.sha256("old charter".getBytes()),
                Optional.empty()), CHARTER_MISMATCH);
    }

    @Test
    void theFounderAdmitsDuringTheFoundingStageOnlyAndThePowerNeverReturns() {
        Town small = new Town(Catalog.defaultParameters().with("charter.communityAt", 3));
        Person a = small.citizen(Town.key(10), "A");
        Person b = small.apply(Town.key(11), "B");
        small.refused(Town.key(10), new Admit(b.id()), CharterCode.NOT_FOUNDER);
        small.ok(small.founder, new Admit(b.id()));
        assertThat(small.registry().activeCitizens(small.now)).isEqualTo(3);
        assertThat(small.society.handover().stage()).isEqualTo(Stage.COMMUNITY);

        Person c = small.apply(Town.key(12), "C");
        small.refused(small.founder, new Admit(c.id()), CharterCode.FOUNDER_POWER_ENDED);
        // numbers fall below the threshold; the power does not come back
        small.ok(Town.key(10), new Renounce());
        assertThat(small.registry().activeCitizens(small.now)).isEqualTo(2);
        small.refused(small.founder, new Admit(c.id()), CharterCode.FOUNDER_POWER_ENDED);
        assertThat(a.status()).isEqualTo(Status.RENOUNCED);
    }

    @Test
    void threeVouchesMakeACitizen() {
        Person v1 = town.citizen(Town.key(10), "V1");
        Person v2 = town.citizen(Town.key(11), "V2");
        Person v3 = town.citizen(Town.key(12), "V3");
        Person ana = town.apply(Town.key(20), "Ana");
        town.ok(Town.key(10), town.vouchFor(ana));
        town.ok(Town.key(11), town.vouchFor(ana));
        assertThat(ana.status()).isEqualTo(Status.APPLICANT);
        town.ok(Town.key(12), town.vouchFor(ana));
        assertThat(ana.status()).isEqualTo(Status.CITIZEN);
        assertThat(ana.vouchers()).containsExactly(v1.number(), v2.number(), v3.number());
        assertThat(ana.admittedByFounder()).isFalse();
        assertThat(v1.vouchesGiven()).isEqualTo(1);
    }

    @Test
    void badVouchesAreRefused() {
        Person v1 = town.citizen(Town.key(10), "V1");
        Person ana = town.apply(Town.key(20), "Ana");
        Person bob = town.apply(Town.key(21), "Bob");

        town.refused(Town.key(20), town.vouchFor(ana), SELF_VOUCH);
        town.refused(Town.key(21), town.vouchFor(ana), NOT_A_CITIZEN); // an applicant vouching
        town.refused(Town.key(99), town.vouchFor(ana), NOT_REGISTERED);
        town.refused(Town.key(10), new Vouch(Hash.sha256("nobody".getBytes())), UNKNOWN_PERSON);
        town.refused(Town.key(10), town.vouchFor(town.person(town.founder)), NOT_AN_APPLICANT);
        assertThat(v1.vouchesGiven()).isZero();
        town.ok(Town.key(10), town.vouchFor(ana));
        town.refused(Town.key(10), town.vouchFor(ana), ALREADY_VOUCHED);
        assertThat(bob.vouchers()).isEmpty();
    }

    @Test
    void vouchesAreScarcePerPeriod() {
        town.citizen(Town.key(10), "V");
        for (int i = 0; i < 5; i++) {
            town.ok(Town.key(10), town.vouchFor(town.apply(Town.key(30 + i), "A" + i)));
        }
        Person sixth = town.apply(Town.key(40), "Sixth");
        town.refused(Town.key(10), town.vouchFor(sixth), VOUCH_QUOTA);
        town.later(30 * DAY);
        town.ok(Town.key(10), town.vouchFor(sixth));
    }

    @Test
    void aLapsedCitizenNeitherVouchesNorCountsUntilRenewed() {
        Person v = town.citizen(Town.key(10), "V");
        Person ana = town.apply(Town.key(20), "Ana");
        long before = town.registry().activeCitizens(town.now);
        town.later(731 * DAY);
        town.ok(Town.key(20), new Renounce()); // any block: time moves
        assertThat(v.lapsed(town.now)).isTrue();
        assertThat(town.registry().activeCitizens(town.now)).isEqualTo(before - 2); // founder and V lapsed
        assertThat(town.registry().counts(town.now)).containsEntry("lapsed", 2L);
        Person bo = town.apply(Town.key(21), "Bo");
        town.refused(Town.key(10), town.vouchFor(bo), CITIZENSHIP_LAPSED);
        town.refused(Town.key(10), new Renew(Hash.sha256("x".getBytes())), CHARTER_MISMATCH);
        town.ok(Town.key(10), new Renew(town.charter()));
        assertThat(v.activeCitizen(town.now)).isTrue();
        assertThat(v.expiresAt()).isEqualTo(town.now + 730 * DAY);
        town.ok(Town.key(10), town.vouchFor(bo));
        town.refused(Town.key(21), new Renew(town.charter()), NOT_A_CITIZEN);
        assertThat(ana.status()).isEqualTo(Status.RENOUNCED);
    }

    @Test
    void renouncingLeavesTheHistoryAndRetiresTheKey() {
        Person v = town.citizen(Town.key(10), "V");
        Person ana = town.apply(Town.key(20), "Ana");
        int historyBefore = v.history().length;
        town.ok(Town.key(10), new Renounce());
        assertThat(v.status()).isEqualTo(Status.RENOUNCED);
        assertThat(v.history()).hasSize(historyBefore + 1);
        town.refused(Town.key(10), town.vouchFor(ana), KEY_RETIRED);
        town.refused(Town.key(10), new Renounce(), KEY_RETIRED);
        town.refused(Town.key(10), new Apply("V again", Seeking.CITIZEN, town.charter(), Optional.empty()), KEY_RETIRED);
        assertThat(town.registry().byId(v.id())).isPresent();
    }

    @Test
    void thereIsNoWayToTransferACitizenship() {
        var payload = TxSigner.payload(town.society.id(), Town.key(10), new Renounce(), "t", town.now + 1000);
        payload.put("type", "citizenship.transfer");
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("body")).put("to", Town.key(11).did());
        byte[] envelope = Jcs.canonicalize(TxSigner.sign(payload, Town.key(10)));
        assertThatThrownBy(() -> town.society.decoder().decode(envelope)).isInstanceOf(Rejection.class)
                .satisfies(e -> assertThat(((Rejection) e).code()).isEqualTo(NOT_TRANSFERABLE));
        // nor by rotating to somebody else's key
        Person v = town.citizen(Town.key(10), "V");
        town.citizen(Town.key(11), "W");
        town.refused(Town.key(10), town.rotateTo(v, Town.key(11)), KEY_IN_USE);
    }

    @Test
    void keyRotationIsSignedByTheOldKeyAndProvenByTheNew() {
        Person v = town.citizen(Town.key(10), "V");
        Person ana = town.apply(Town.key(20), "Ana");
        SigningKey fresh = Town.key(50);
        town.refused(Town.key(10), new RotateKey(fresh.verifyingKey(), Town.key(51).sign(
                KeyProof.message(town.society.id(), v.id()))), BAD_KEY_PROOF);
        town.ok(Town.key(10), town.rotateTo(v, fresh));
        assertThat(town.person(fresh)).isSameAs(v);
        assertThat(v.formerKeys()).containsExactly(KeyRef.of(Town.key(10).verifyingKey()));
        town.refused(Town.key(10), town.vouchFor(ana), KEY_RETIRED);
        town.ok(fresh, town.vouchFor(ana));
        // a retired key can never be registered again
        town.refused(Town.key(10), new Apply("Impostor", Seeking.CITIZEN, town.charter(), Optional.empty()),
                KEY_RETIRED);
    }

    @Test
    void guardiansRecoverACitizenshipAfterADelayUnlessTheOldKeyCancels() {
        Person v = town.citizen(Town.key(10), "V");
        Person g1 = town.citizen(Town.key(11), "G1");
        Person g2 = town.citizen(Town.key(12), "G2");
        Person g3 = town.citizen(Town.key(13), "G3");
        town.refused(Town.key(10), new SetGuardians(List.of(g1.id(), g2.id()), 3), GUARDIANS_INVALID);
        town.refused(Town.key(10), new SetGuardians(List.of(g1.id(), v.id()), 1), GUARDIANS_INVALID);
        town.refused(Town.key(10), new SetGuardians(List.of(g1.id(), g1.id()), 1), GUARDIANS_INVALID);
        town.ok(Town.key(10), new SetGuardians(List.of(g1.id(), g2.id(), g3.id()), 2));
        assertThat(v.guardians()).containsExactly(g1.number(), g2.number(), g3.number());

        SigningKey lost = Town.key(60);
        town.refused(Town.key(20), town.recoverTo(v, lost), NOT_REGISTERED);
        town.refused(town.founder, town.recoverTo(v, lost), NOT_A_GUARDIAN);
        town.ok(Town.key(11), town.recoverTo(v, lost));
        town.refused(Town.key(11), town.recoverTo(v, lost), ALREADY_VOTED);
        town.refused(Town.key(12), town.recoverTo(v, Town.key(61)), RECOVERY_CONFLICT);
        town.refused(town.founder, new CompleteRecovery(v.id()), RECOVERY_DELAY);
        town.later(8 * DAY);
        town.refused(town.founder, new CompleteRecovery(v.id()), TOO_FEW_GUARDIANS);
        // the old key still works during a recovery, and cancels it
        town.ok(Town.key(10), new CancelRecovery());
        town.refused(town.founder, new CompleteRecovery(v.id()), NO_RECOVERY);

        town.ok(Town.key(11), town.recoverTo(v, lost));
        town.ok(Town.key(13), town.recoverTo(v, lost));
        town.refused(lost, new CompleteRecovery(v.id()), RECOVERY_DELAY);
        town.later(7 * DAY);
        town.ok(lost, new CompleteRecovery(v.id()));
        assertThat(town.person(lost)).isSameAs(v);
        assertThat(v.status()).isEqualTo(Status.CITIZEN);
        town.refused(Town.key(10), new Renounce(), KEY_RETIRED);
    }

    @Test
    void aJuryRevokesAFakeAndItsVouchersLoseTheRightToVouch() {
        for (int i = 0; i < 8; i++) {
            town.citizen(Town.key(10 + i), "C" + i);
        }
        Person fake = town.apply(Town.key(30), "Fake");
        town.ok(Town.key(10), town.vouchFor(fake));
        town.ok(Town.key(11), town.vouchFor(fake));
        town.ok(Town.key(12), town.vouchFor(fake));
        assertThat(fake.status()).isEqualTo(Status.CITIZEN);

        town.ok(Town.key(13), new CitizenshipTx.Challenge(fake.id(), Grounds.FAKE, "a stock photo",
                Optional.of(Hash.sha256("photo".getBytes()))));
        ChallengeCase cc = town.registry().challenges().get(0);
        assertThat(cc.jury()).hasSize(5).doesNotContain(fake.number(), 10 - 10 + 1, 13 - 10 + 1)
                .doesNotContain(fake.vouchers());
        town.refused(Town.key(14), new CitizenshipTx.Challenge(fake.id(), Grounds.DUPLICATE, "again", Optional.empty()),
                UNDER_CHALLENGE);

        SigningKey outsider = keyOfNumberNotIn(cc.jury(), fake.number());
        town.refused(outsider, new JuryVote(cc.id(), Verdict.REVOKE), NOT_A_JUROR);
        int[] jury = cc.jury();
        town.ok(keyOf(jury[0]), new JuryVote(cc.id(), Verdict.REVOKE));
        town.refused(keyOf(jury[0]), new JuryVote(cc.id(), Verdict.DISMISS), ALREADY_VOTED);
        town.ok(keyOf(jury[1]), new JuryVote(cc.id(), Verdict.DISMISS));
        town.ok(keyOf(jury[2]), new JuryVote(cc.id(), Verdict.REVOKE));
        assertThat(cc.outcomeAt(town.now)).isEqualTo(ChallengeCase.Outcome.OPEN);
        town.ok(keyOf(jury[3]), new JuryVote(cc.id(), Verdict.REVOKE));
        assertThat(cc.outcomeAt(town.now)).isEqualTo(ChallengeCase.Outcome.REVOKED);
        assertThat(fake.status()).isEqualTo(Status.REVOKED);
        assertThat(cc.vote(4)).isNull(); // the juror who did not vote is on record
        town.refused(keyOf(jury[4]), new JuryVote(cc.id(), Verdict.DISMISS), VOTING_CLOSED);
        town.refused(Town.key(30), new Renounce(), KEY_RETIRED);

        Person next = town.apply(Town.key(31), "Next");
        town.refused(Town.key(10), town.vouchFor(next), VOUCH_BANNED);
        town.ok(Town.key(14), town.vouchFor(next));
        town.later(366 * DAY);
        town.ok(Town.key(14), new Renew(town.charter()));
        town.ok(Town.key(10), new Renew(town.charter()));
        town.ok(Town.key(10), town.vouchFor(next));
    }

    @Test
    void aJuryMayDismissOrRunOutOfTime() {
        for (int i = 0; i < 7; i++) {
            town.citizen(Town.key(10 + i), "C" + i);
        }
        Person ana = town.apply(Town.key(30), "Ana");
        town.ok(Town.key(10), new CitizenshipTx.Challenge(ana.id(), Grounds.DUPLICATE, "same face as #3", Optional.empty()));
        ChallengeCase first = town.registry().challenges().get(0);
        town.refused(Town.key(11), town.vouchFor(ana), UNDER_CHALLENGE);
        for (int i = 0; i < 3; i++) {
            town.ok(keyOf(first.jury()[i]), new JuryVote(first.id(), Verdict.DISMISS));
        }
        assertThat(first.outcomeAt(town.now)).isEqualTo(ChallengeCase.Outcome.DISMISSED);
        assertThat(ana.status()).isEqualTo(Status.APPLICANT);
        town.ok(Town.key(11), town.vouchFor(ana));

        town.ok(Town.key(12), new CitizenshipTx.Challenge(ana.id(), Grounds.FAKE, "still unsure", Optional.empty()));
        ChallengeCase second = town.registry().challenges().get(1);
        town.ok(keyOf(second.jury()[0]), new JuryVote(second.id(), Verdict.REVOKE));
        town.later(8 * DAY);
        town.refused(keyOf(second.jury()[1]), new JuryVote(second.id(), Verdict.REVOKE), VOTING_CLOSED);
        assertThat(second.outcomeAt(town.now)).isEqualTo(ChallengeCase.Outcome.NO_MAJORITY);
        town.ok(Town.key(13), town.vouchFor(ana));
    }

    @Test
    void aChallengeNeedsAJury() {
        town.citizen(Town.key(10), "Only");
        Person ana = town.apply(Town.key(20), "Ana");
        town.refused(Town.key(10), new CitizenshipTx.Challenge(ana.id(), Grounds.FAKE, "?", Optional.empty()),
                JURY_TOO_SMALL);
        town.refused(Town.key(20), new CitizenshipTx.Challenge(ana.id(), Grounds.FAKE, "?", Optional.empty()),
                NOT_A_CITIZEN);
        town.refused(Town.key(10), new CitizenshipTx.Challenge(town.person(Town.key(10)).id(), Grounds.FAKE, "me",
                Optional.empty()), CANNOT_CHALLENGE);
    }

    @Test
    void eResidentsRegisterWithoutAVoteAndMayAskForCitizenship() {
        town.ok(Town.key(20), new Apply("Eve", Seeking.E_RESIDENT, town.charter(), Optional.empty()));
        Person eve = town.person(Town.key(20));
        assertThat(eve.status()).isEqualTo(Status.E_RESIDENT);
        Person ana = town.apply(Town.key(21), "Ana");
        town.refused(Town.key(20), town.vouchFor(ana), NOT_A_CITIZEN);
        town.refused(Town.key(20), new Apply("Eve", Seeking.E_RESIDENT, town.charter(), Optional.empty()),
                ALREADY_REGISTERED);
        town.ok(Town.key(20), new Apply("Eve Citizen", Seeking.CITIZEN, town.charter(), Optional.empty()));
        assertThat(eve.status()).isEqualTo(Status.APPLICANT);
        assertThat(eve.name()).isEqualTo("Eve Citizen");
        assertThat(town.person(Town.key(20))).isSameAs(eve);
    }

    @Test
    void hostResidentsAreRegisteredByHostRegistrars() {
        SigningKey resident = Town.key(70);
        town.refused(Town.key(10), town.hostResident(resident, "Rui", "Lisbon/Alfama"), NOT_REGISTRAR);
        town.refused(town.registrar, new RegisterHostResident(resident.verifyingKey(), "Rui", "Lisbon/Alfama",
                Town.key(71).sign(KeyProof.hostResidentMessage(town.society.id()))), BAD_KEY_PROOF);
        town.ok(town.registrar, town.hostResident(resident, "Rui", "Lisbon/Alfama"));
        Person rui = town.person(resident);
        assertThat(rui.status()).isEqualTo(Status.HOST_RESIDENT);
        assertThat(rui.region()).isEqualTo("Lisbon/Alfama");
        town.refused(town.registrar, town.hostResident(resident, "Rui", "Porto"), ALREADY_REGISTERED);
        town.refused(resident, new DeclareResidence(Optional.of("Ilha 1")), NOT_ALLOWED);
        town.ok(town.registrar, new EndHostResidence(rui.id()));
        assertThat(rui.status()).isEqualTo(Status.ENDED);
        town.refused(town.registrar, new EndHostResidence(rui.id()), NOT_HOST_RESIDENT);
    }

    @Test
    void residenceInATerritoryIsDeclaredAndEnded() {
        Person v = town.citizen(Town.key(10), "V");
        town.ok(Town.key(10), new DeclareResidence(Optional.of("Ilha da Culatra")));
        assertThat(v.territory()).isEqualTo("Ilha da Culatra");
        town.ok(Town.key(10), new DeclareResidence(Optional.empty()));
        assertThat(v.territory()).isNull();
    }

    @Test
    void everyActionIsInThePersonsHistory() {
        Person v = town.citizen(Town.key(10), "V");
        town.ok(Town.key(10), new DeclareResidence(Optional.of("A")));
        town.ok(Town.key(10), new Renew(town.charter()));
        assertThat(v.history()).hasSize(4); // apply, admit, residence, renew
        assertThat(v.history()).isSorted();
    }

    @Test
    void membersOverTimeCountAdmissionsAndDepartures() {
        town.later(DAY);
        Person a = town.citizen(Town.key(10), "A");
        long t1 = town.now;
        town.later(DAY);
        town.citizen(Town.key(11), "B");
        long t2 = town.now;
        town.later(DAY);
        town.ok(Town.key(10), new Renounce());
        long t3 = town.now;
        assertThat(a.admittedAt()).isEqualTo(t1);
        assertThat(town.registry().membersAt(new long[] {Town.T0, t1, t2, t3})).containsExactly(1, 2, 3, 2);
    }

    private SigningKey keyOf(int number) {
        for (int k = 1; k < 200; k++) {
            var p = town.registry().byCurrentKey(Town.key(k).verifyingKey());
            if (p.isPresent() && p.get().number() == number) {
                return Town.key(k);
            }
        }
        throw new IllegalStateException("no test key for person #" + number);
    }

    private SigningKey keyOfNumberNotIn(int[] jury, int also) {
        for (Person p : town.registry().all()) {
            if (p.status() == Status.CITIZEN && p.number() != also && !Person.contains(jury, p.number())) {
                return keyOf(p.number());
            }
        }
        throw new IllegalStateException();
    }
}
