package org.phyle.core.economy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.phyle.core.Reads;
import org.phyle.core.Rejection;
import org.phyle.core.proposals.ProposalAction;
import org.phyle.core.proposals.ProposalKind;
import org.phyle.core.tx.Fields;
import org.phyle.core.tx.TxCode;

/**
 * The proposal kinds of the economy, carried out by it when they pass: new money ({@code issue}), a spend from the
 * treasury ({@code treasury-spend}), a quadratic funding round ({@code qf-round}) and a project approved by a vote
 * ({@code qf-approve}). Money leaves the treasury only through these.
 */
public final class EconomyActions {
    private EconomyActions() {
    }

    public static final ProposalKind ISSUE = new ProposalKind("issue",
            "Issues new money into the treasury, within the charter's yearly cap.", Issue::read);
    public static final ProposalKind TREASURY_SPEND = new ProposalKind("treasury-spend",
            "Pays an amount from the treasury to a recipient, for a budget category and a purpose, at once or vested.",
            TreasurySpend::read);
    public static final ProposalKind QF_ROUND = new ProposalKind("qf-round",
            "Opens a quadratic funding round and moves its matching pool from the treasury into its escrow.",
            FundingRound::read);
    public static final ProposalKind QF_APPROVE = new ProposalKind("qf-approve",
            "Approves a project of a funding round whose projects are approved by a vote.", ApproveProject::read);

    public static final List<ProposalKind> KINDS = List.of(ISSUE, TREASURY_SPEND, QF_ROUND, QF_APPROVE);

    /** {@code {"amount": 1000000, "purpose": "..."}}: new money into the treasury. */
    public record Issue(long amount, String purpose) implements ProposalAction {
        public String kind() {
            return ISSUE.name();
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("amount", amount).put("purpose", purpose);
        }

        public void check(Reads reads) {
            Money.positive(amount);
            reads.view(Economy.class).checkIssuance(amount, reads.lastBlockTime(), reads.parameters());
        }

        /** At execution the cap is that of the year the issuance is carried out in. */
        @Override
        public void checkExecution(org.phyle.core.proposals.Execution execution, Reads reads) {
            Money.positive(amount);
            reads.view(Economy.class).checkIssuance(amount, execution.time(), reads.parameters());
        }

        static Issue read(Fields f) {
            Issue i = new Issue(EconomyTx.amount(f, "amount"), f.line("purpose", 1, 200));
            f.end();
            return i;
        }
    }

    /**
     * {@code {"recipient": "did:key:...", "amount": 5000000, "category": "culture", "purpose": "...",
     * "vestingDays": 365, "cliffDays": 90}}: paid at once, or (with {@code vestingDays}) as a vesting schedule of
     * the recipient's, released linearly over that many days from the execution after {@code cliffDays}.
     */
    public record TreasurySpend(String recipient, long amount, String category, String purpose, int vestingDays,
                                int cliffDays) implements ProposalAction {
        public TreasurySpend(String recipient, long amount, String category, String purpose) {
            this(recipient, amount, category, purpose, 0, 0);
        }

        public String kind() {
            return TREASURY_SPEND.name();
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("recipient", recipient).put("amount", amount)
                    .put("category", category).put("purpose", purpose);
            if (vestingDays > 0) {
                o.put("vestingDays", vestingDays).put("cliffDays", cliffDays);
            }
            return o;
        }

        public void check(Reads reads) {
            Money.positive(amount);
            reads.view(Economy.class).checkSpend(category, amount);
        }

        static TreasurySpend read(Fields f) {
            String recipient = f.did("recipient").did();
            long amount = EconomyTx.amount(f, "amount");
            String category = EconomyActions.category(f);
            String purpose = f.line("purpose", 1, 200);
            int vesting = f.has("vestingDays") ? (int) f.integer("vestingDays", 1, 3_660) : 0;
            int cliff = f.has("cliffDays") ? (int) f.integer("cliffDays", 0, 3_660) : 0;
            f.end();
            if (cliff > vesting) {
                throw new Rejection(EconomyCode.BAD_SCHEDULE, "cliffDays must not exceed vestingDays");
            }
            return new TreasurySpend(recipient, amount, category, purpose, vesting, cliff);
        }
    }

    /** How a round's projects are approved. */
    public enum Approval {
        STEWARDS("stewards"),
        VOTE("vote");

        private final String json;

        Approval(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /**
     * {@code {"title": "...", "pool": 100000000, "applicationHours": 168, "contributionHours": 336,
     * "approval": "stewards", "mode": "standard", "capBp": 2500, "pairwiseK": 1000000}}: a round whose applications
     * open when it is carried out, whose contributions open when applications close.
     */
    public record FundingRound(String title, long pool, int applicationHours, int contributionHours, Approval approval,
                               Matching.Mode mode, int capBp, long pairwiseK) implements ProposalAction {
        public String kind() {
            return QF_ROUND.name();
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("title", title).put("pool", pool)
                    .put("applicationHours", applicationHours).put("contributionHours", contributionHours)
                    .put("approval", approval.json()).put("mode", mode.json()).put("capBp", capBp);
            if (mode == Matching.Mode.PAIRWISE) {
                o.put("pairwiseK", pairwiseK);
            }
            return o;
        }

        public void check(Reads reads) {
            Money.positive(pool);
            reads.view(Economy.class).checkSpend("qf-round", pool);
        }

        static FundingRound read(Fields f) {
            String title = f.line("title", 1, 120);
            long pool = EconomyTx.amount(f, "pool");
            int app = (int) f.integer("applicationHours", 0, 24 * 366);
            int contrib = (int) f.integer("contributionHours", 1, 24 * 366);
            String a = f.line("approval", 1, 20);
            Approval approval = switch (a) {
                case "stewards" -> Approval.STEWARDS;
                case "vote" -> Approval.VOTE;
                default -> throw new Rejection(TxCode.MALFORMED, f.path() + ".approval must be stewards or vote");
            };
            String m = f.line("mode", 1, 20);
            Matching.Mode mode = switch (m) {
                case "standard" -> Matching.Mode.STANDARD;
                case "pairwise" -> Matching.Mode.PAIRWISE;
                default -> throw new Rejection(TxCode.MALFORMED, f.path() + ".mode must be standard or pairwise");
            };
            int cap = (int) f.integer("capBp", 1, 10_000);
            long k = mode == Matching.Mode.PAIRWISE ? f.integer("pairwiseK", 1, Fields.MAX_SAFE_INTEGER) : 0;
            f.end();
            return new FundingRound(title, pool, app, contrib, approval, mode, cap, k);
        }
    }

    /** {@code {"round": 0, "project": 2}}: approves a project of a round approved by vote. */
    public record ApproveProject(int round, int project) implements ProposalAction {
        public String kind() {
            return QF_APPROVE.name();
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("round", round).put("project", project);
        }

        public void check(Reads reads) {
            reads.view(Economy.class).checkApproval(round, project, Approval.VOTE, reads.lastBlockTime());
        }

        static ApproveProject read(Fields f) {
            ApproveProject a = new ApproveProject(EconomyTx.number(f, "round"), EconomyTx.number(f, "project"));
            f.end();
            return a;
        }
    }

    /** A budget category: 1 to 30 of a-z, 0-9 and -, starting with a letter. */
    static String category(Fields f) {
        String c = f.line("category", 1, 30);
        if (!c.matches("[a-z][a-z0-9-]{0,29}")) {
            throw new Rejection(TxCode.MALFORMED, f.path() + ".category is 1 to 30 of a-z, 0-9 and -, starting with "
                    + "a letter, not \"" + c + "\"");
        }
        return c;
    }
}
