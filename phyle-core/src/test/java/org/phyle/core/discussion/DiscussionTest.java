package org.phyle.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phyle.core.Catalog;
import org.phyle.core.TestSociety;
import org.phyle.core.canon.CanonTx;
import org.phyle.core.canon.Standing;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.governance.Proposal;
import org.phyle.core.proposals.Method;
import org.phyle.core.proposals.Threshold;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;

/** Comments and replies on proposals and the canon: who may write, threads, quotas, erasure by the author or a vote. */
class DiscussionTest {
    static SigningKey key(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        seed[1] = (byte) (n >> 8);
        seed[27] = 5;
        return SigningKey.fromSeed(seed);
    }

    final TestSociety s = new TestSociety("Forum", "To discuss.", Catalog.defaultParameters()
            .with("discussion.othersCommentsPerDay", 2).with("governance.deliberationHours", 1)
            .with("governance.votingHours", 1).with("governance.minVotingHours", 1)
            .with("governance.timelockHours", 1), DiscussionTest::key, 0, 9_999, "d") {
    };
    final SigningKey outsider = key(500);

    static DiscussionTx.Comment comment(DiscussionTx.On on, Hash place, String text, Hash reply) {
        return new DiscussionTx.Comment(on, place, Optional.ofNullable(reply),
                Hash.sha256(text.getBytes(StandardCharsets.UTF_8)), text.length());
    }

    Discussion discussion() {
        return s.society.view(Discussion.class);
    }

    @Test
    void anyoneCommentsAndRepliesInTheirStandingWithinAQuota() {
        Hash proposal = s.ok(s.founder, GovernanceTx.Propose.signal("A garden", "Shall we plant one?"));
        Hash first = s.ok(outsider, comment(DiscussionTx.On.PROPOSAL, proposal, "Lovely idea.", null));
        Hash reply = s.ok(s.founder, comment(DiscussionTx.On.PROPOSAL, proposal, "Thank you!", first));
        List<Discussion.Comment> thread = discussion().thread(DiscussionTx.On.PROPOSAL, proposal);
        assertThat(thread).extracting(Discussion.Comment::id).containsExactly(first, reply);
        assertThat(thread.get(0).standing()).isEqualTo(Standing.OUTSIDER);
        assertThat(thread.get(0).author()).isEqualTo(-1);
        assertThat(thread.get(1).standing()).isEqualTo(Standing.CITIZEN);
        assertThat(thread.get(1).replyTo()).isEqualTo(thread.get(0).number());
        assertThat(thread.get(0).digest()).isEqualTo(Hash.sha256("Lovely idea.".getBytes(StandardCharsets.UTF_8)));

        s.ok(outsider, comment(DiscussionTx.On.PROPOSAL, proposal, "And roses.", null));
        s.refused(outsider, comment(DiscussionTx.On.PROPOSAL, proposal, "A third.", null),
                DiscussionCode.COMMENT_QUOTA);
        s.later(TestSociety.DAY);
        s.ok(outsider, comment(DiscussionTx.On.PROPOSAL, proposal, "A new day.", null));

        Hash essay = s.ok(outsider, new CanonTx.Publish(CanonTx.Kind.ESSAY, "On gardens", "Grow.", Optional.empty()));
        s.ok(s.founder, comment(DiscussionTx.On.CANON, essay, "Agreed.", null));
        assertThat(discussion().thread(DiscussionTx.On.CANON, essay)).hasSize(1);
        assertThat(s.replay().digest()).isEqualTo(s.society.digest());
    }

    @Test
    void badCommentsAreRefusedAndChangeNothing() {
        Hash proposal = s.ok(s.founder, GovernanceTx.Propose.signal("A garden", "Shall we plant one?"));
        Hash essay = s.ok(s.founder, new CanonTx.Publish(CanonTx.Kind.ESSAY, "On gardens", "Grow.", Optional.empty()));
        Hash first = s.ok(s.founder, comment(DiscussionTx.On.PROPOSAL, proposal, "Yes.", null));
        s.refused(outsider, comment(DiscussionTx.On.PROPOSAL, essay, "Wrong place.", null),
                DiscussionCode.UNKNOWN_PLACE);
        s.refused(outsider, comment(DiscussionTx.On.CANON, proposal, "Wrong kind.", null),
                DiscussionCode.UNKNOWN_PLACE);
        s.refused(outsider, comment(DiscussionTx.On.CANON, essay, "Replying elsewhere.", first),
                DiscussionCode.REPLY_ELSEWHERE);
        s.refused(outsider, comment(DiscussionTx.On.PROPOSAL, proposal, "To nothing.", Hash.sha256(new byte[] {1})),
                DiscussionCode.UNKNOWN_COMMENT);
        s.refused(outsider, new DiscussionTx.Erase(first), DiscussionCode.NOT_THE_AUTHOR);
        s.refused(outsider, new DiscussionTx.Erase(Hash.sha256(new byte[] {2})), DiscussionCode.UNKNOWN_COMMENT);
    }

    @Test
    void anAuthorErasesTheirTextAndTheRecordStays() {
        Hash proposal = s.ok(s.founder, GovernanceTx.Propose.signal("A garden", "Shall we plant one?"));
        Hash mine = s.ok(outsider, comment(DiscussionTx.On.PROPOSAL, proposal, "Oops, my address.", null));
        long height = s.society.height();
        s.ok(outsider, new DiscussionTx.Erase(mine));
        Discussion.Comment c = discussion().byId(mine).orElseThrow();
        assertThat(c.erasure()).get().extracting(Discussion.Erasure::byAuthor).isEqualTo(true);
        assertThat(discussion().thread(DiscussionTx.On.PROPOSAL, proposal)).containsExactly(c);
        assertThat(discussion().erasedAfter(height)).containsExactly(c);
        s.refused(outsider, new DiscussionTx.Erase(mine), DiscussionCode.ALREADY_ERASED);
    }

    @Test
    void theSocietyErasesACommentByAVoteGivingItsReason() {
        Hash proposal = s.ok(s.founder, GovernanceTx.Propose.signal("A garden", "Shall we plant one?"));
        Hash abuse = s.ok(outsider, comment(DiscussionTx.On.PROPOSAL, proposal, "Something cruel.", null));
        s.refused(s.founder, erase(Hash.sha256(new byte[] {3})), DiscussionCode.UNKNOWN_COMMENT);
        Hash vote = s.ok(s.founder, erase(abuse));
        Proposal p = s.society.governance().byId(vote).orElseThrow();
        s.at(p.opensAt());
        s.ok(s.founder, new GovernanceTx.Vote(vote, new Ballot.YesNo(Ballot.YesNo.Choice.YES)));
        s.at(p.closesAt());
        s.at(p.executableAt());
        assertThat(p.state()).isEqualTo(Proposal.State.EXECUTED);
        Discussion.Erasure e = discussion().byId(abuse).orElseThrow().erasure().orElseThrow();
        assertThat(e.byAuthor()).isFalse();
        assertThat(e.enactedBy()).isEqualTo(vote);
        assertThat(e.reason()).isEqualTo("It names a neighbour's illness.");
        assertThat(s.replay().digest()).isEqualTo(s.society.digest());
    }

    static GovernanceTx.Propose erase(Hash comment) {
        return new GovernanceTx.Propose("Erase a comment", "", "moderation", "erase-comment",
                new DiscussionMechanism.EraseComment(comment, "It names a neighbour's illness."), Method.YES_NO,
                List.of(), 1, 0, false, Threshold.named("majority"), Optional.empty());
    }
}
