package org.phyle.core.guestbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.phyle.core.Block;
import org.phyle.core.BlockBuilder;
import org.phyle.core.Catalog;
import org.phyle.core.Composition;
import org.phyle.core.Parameters;
import org.phyle.core.Society;
import org.phyle.core.TxOutcome;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.governance.Proposal;
import org.phyle.core.proposals.Method;
import org.phyle.core.proposals.Threshold;
import org.phyle.core.state.StateReader;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;

/**
 * A mechanism of the test's own plugs into a society without an edit to {@code Society}: its transactions are
 * dispatched to it, its parameter is in the charter, its refusals change nothing, a passed proposal of its kind is
 * carried out by it, its slice is in the snapshot and the digest, and replay gives the same state.
 */
class GuestbookTest {
    static final long T0 = 1_800_000_000_000L;
    static final long HOUR = 3_600_000L;
    static final Supplier<Composition> WITH_GUESTBOOK = () -> Catalog.standard().plus(new GuestbookMechanism());

    final SigningKey founder = SigningKey.fromSeed(new byte[32]);
    final SigningKey sequencer = SigningKey.fromSeed(seed(2));
    final List<Block> blocks = new ArrayList<>();
    final Block genesis;
    final Society society;
    long now = T0;
    int nonce;

    GuestbookTest() {
        Parameters p = WITH_GUESTBOOK.get().parameters().defaults().with("guestbook.maxLines", 3)
                .with("governance.deliberationHours", 1).with("governance.votingHours", 1)
                .with("governance.minVotingHours", 1).with("governance.timelockHours", 1);
        genesis = Society.createGenesis(founder, "Ada", sequencer, "Guests", "To sign a book.", p, T0, "g",
                WITH_GUESTBOOK);
        society = Society.fromGenesis(genesis, WITH_GUESTBOOK);
    }

    static byte[] seed(int n) {
        byte[] s = new byte[32];
        s[0] = (byte) n;
        return s;
    }

    TxOutcome submit(SigningKey k, TxBody body) {
        BlockBuilder b = society.newBlock(now);
        TxOutcome o = b.offer(society.decoder().decode(Jcs.canonicalize(TxSigner.sign(society.id(), k, body,
                "n" + nonce++, now + HOUR))));
        if (b.isEmpty()) {
            b.abandon();
        } else {
            blocks.add(b.seal(sequencer));
        }
        return o;
    }

    void at(long time) {
        now = time;
        blocks.add(society.newBlock(now).seal(sequencer));
    }

    Guestbook book() {
        return society.view(Guestbook.class);
    }

    @Test
    void itsTransactionsParametersAndCodesAreTheSociety() {
        assertThat(society.decoder().decode(Jcs.canonicalize(TxSigner.sign(society.id(), founder,
                new GuestbookMechanism.Sign("Hello"), "x", now + HOUR))).type()).isEqualTo("guestbook.sign");
        assertThat(society.parameters().get(GuestbookMechanism.MAX_LINES)).isEqualTo(3);
        assertThat(society.composition().codes()).contains(GuestbookMechanism.Code.GUESTBOOK_FULL);
        assertThat(society.composition().proposalKinds().names()).contains("clear-guestbook");
        assertThat(book().lines()).containsExactly("Founded by Ada");
        // the standard society does not know the type
        assertThat(Catalog.TX_TYPES.get("guestbook.sign")).isNull();
    }

    @Test
    void signsRefusesWhenFullAndChangesNothing() {
        assertThat(submit(founder, new GuestbookMechanism.Sign("One"))).isInstanceOf(TxOutcome.Accepted.class);
        assertThat(submit(founder, new GuestbookMechanism.Sign("Two"))).isInstanceOf(TxOutcome.Accepted.class);
        Hash before = society.digest();
        TxOutcome full = submit(founder, new GuestbookMechanism.Sign("Three"));
        assertThat(((TxOutcome.Rejected) full).rejection().code()).isEqualTo(GuestbookMechanism.Code.GUESTBOOK_FULL);
        assertThat(society.digest()).isEqualTo(before);
        TxOutcome stranger = submit(SigningKey.fromSeed(seed(9)), new GuestbookMechanism.Sign("Hi"));
        assertThat(((TxOutcome.Rejected) stranger).rejection().code().name()).isEqualTo("NOT_REGISTERED");
        assertThat(book().lines()).containsExactly("Founded by Ada", "One", "Two");
    }

    @Test
    void aPassedProposalOfItsKindIsCarriedOutByIt() {
        submit(founder, new GuestbookMechanism.Sign("One"));
        GovernanceTx.Propose clear = new GovernanceTx.Propose("Clear the book", "It is full.", "general",
                "clear-guestbook", new GuestbookMechanism.Clear(), Method.YES_NO, List.of(), 1, 0, false,
                Threshold.named("majority"), Optional.empty());
        Hash id = submit(founder, clear).tx().id();
        at(now + HOUR);
        Proposal p = society.governance().byId(id).orElseThrow();
        assertThat(p.state()).isEqualTo(Proposal.State.VOTING);
        assertThat(submit(founder, new GovernanceTx.Vote(id, new Ballot.YesNo(Ballot.YesNo.Choice.YES))))
                .isInstanceOf(TxOutcome.Accepted.class);
        at(now + HOUR);
        at(now + HOUR);
        assertThat(society.governance().byId(id).orElseThrow().state()).isEqualTo(Proposal.State.EXECUTED);
        assertThat(book().lines()).isEmpty();
        assertThat(book().cleared()).isEqualTo(1);
    }

    @Test
    void itsSliceIsInTheSnapshotAndReplayGivesTheSameState() {
        submit(founder, new GuestbookMechanism.Sign("One"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Hash digest = society.writeSnapshot(out);
        Society read = Society.readSnapshot(new ByteArrayInputStream(out.toByteArray()), WITH_GUESTBOOK);
        assertThat(read.digest()).isEqualTo(digest);
        assertThat(read.view(Guestbook.class).lines()).containsExactly("Founded by Ada", "One");
        Society replica = Society.fromGenesis(genesis, WITH_GUESTBOOK);
        blocks.forEach(replica::apply);
        assertThat(replica.digest()).isEqualTo(digest);
        // a society without the mechanism cannot read it, and says why
        assertThatThrownBy(() -> Society.readSnapshot(new ByteArrayInputStream(out.toByteArray())))
                .isInstanceOf(StateReader.CorruptStateException.class);
    }
}
