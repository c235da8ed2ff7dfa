package org.phyle.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phyle.core.canon.CanonTx;
import org.phyle.core.charter.Stage;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.sortition.Draw;
import org.phyle.core.sortition.SortitionTx;
import org.phyle.core.tx.TxSigner;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;

/**
 * Signed and compared text never depends on the JVM's locale. In Turkish, "I".toLowerCase() is a dotless "ı": a
 * ballot to ABSTAIN signed on a Turkish machine would say "abstaın", which every other machine refuses. Everything
 * here runs with tr-TR as the default locale.
 */
class TurkishLocaleTest {
    private Locale saved;

    @BeforeEach
    void turkish() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        assertThat("I".toLowerCase()).as("the JVM really is in Turkish").isEqualTo("ı");
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @Test
    void aBallotToAbstainSignedHereDecodesEverywhere() {
        Fixture f = new Fixture();
        Hash proposal = Hash.sha256(new byte[] {1});
        byte[] envelope = Jcs.canonicalize(TxSigner.sign(f.id(), f.founder, new GovernanceTx.Vote(proposal,
                new Ballot.YesNo(Ballot.YesNo.Choice.ABSTAIN)), "n", Fixture.T0 + 60_000));
        assertThat(new String(envelope, java.nio.charset.StandardCharsets.UTF_8)).contains("\"abstain\"");
        VerifiedTx tx = f.society.decoder().decode(envelope);
        assertThat(((GovernanceTx.Vote) tx.body()).ballot()).isEqualTo(new Ballot.YesNo(Ballot.YesNo.Choice.ABSTAIN));
    }

    @Test
    void everyNameInTheProtocolIsAscii() {
        for (Stage s : Stage.values()) {
            assertThat(s.json()).matches("[a-z]+");
        }
        for (Draw.Pool p : Draw.Pool.values()) {
            assertThat(p.json()).matches("[a-z-]+");
            assertThat(Draw.Pool.fromJson(p.json())).isEqualTo(p);
        }
        for (Draw.Purpose p : Draw.Purpose.values()) {
            assertThat(p.json()).matches("[a-z-]+");
        }
        for (CanonTx.Kind k : CanonTx.Kind.values()) {
            assertThat(k.json()).matches("[a-z]+");
        }
    }

    @Test
    void transactionsWithNamesRoundTrip() {
        Fixture f = new Fixture();
        for (TxBodyCase c : new TxBodyCase[] {
                new TxBodyCase(new SortitionTx.Request(Draw.Pool.HOST_RESIDENTS, 3, true, "a panel")),
                new TxBodyCase(new CanonTx.Publish(CanonTx.Kind.ARTICLE, "Title", "Text", Optional.of("article:x")))}) {
            VerifiedTx tx = f.society.decoder().decode(Jcs.canonicalize(TxSigner.sign(f.id(), f.founder, c.body(),
                    "n" + c.hashCode(), Fixture.T0 + 60_000)));
            assertThat(tx.body()).isEqualTo(c.body());
        }
    }

    private record TxBodyCase(org.phyle.core.tx.TxBody body) {
    }
}
