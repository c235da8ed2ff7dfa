package org.phyle.core.economy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.phyle.core.Rejection;
import org.phyle.core.tx.Fields;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.TxType;
import org.phyle.crypto.VerifyingKey;

/**
 * The economy's transactions: transfers, locks, a funding round's applications, approvals, contributions and payout,
 * and territory campaigns and their pledges. Amounts are integers of minor units (6 decimals); zero or negative
 * amounts are read, and refused by the rules with {@code AMOUNT_NOT_POSITIVE}.
 */
public sealed interface EconomyTx extends TxBody {
    /** The word that names the treasury as the recipient of a transfer. */
    String TREASURY = "treasury";

    /**
     * {@code economy.transfer}: sends money to a did:key or to the treasury ({@code "to": "treasury"}), with an
     * optional memo; a payment into the treasury may be marked as revenue (taxes, fees, penalties), which counts
     * towards the citizen dividend.
     */
    record Transfer(String to, long amount, String memo, boolean revenue) implements EconomyTx {
        public static final String TYPE = "economy.transfer";

        public Transfer(VerifyingKey to, long amount) {
            this(to.did(), amount, "", false);
        }

        /** A payment into the treasury. */
        public static Transfer toTreasury(long amount, String memo, boolean revenue) {
            return new Transfer(TREASURY, amount, memo, revenue);
        }

        public boolean toTreasury() {
            return to.equals(TREASURY);
        }

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("to", to).put("amount", amount);
            if (!memo.isEmpty()) {
                o.put("memo", memo);
            }
            if (revenue) {
                o.put("revenue", true);
            }
            return o;
        }

        static Transfer read(Fields f) {
            String to = recipient(f, "to");
            long amount = EconomyTx.amount(f, "amount");
            String memo = f.has("memo") ? f.line("memo", 0, 200) : "";
            boolean revenue = f.has("revenue") && bool(f, "revenue");
            f.end();
            return new Transfer(to, amount, memo, revenue);
        }
    }

    /**
     * {@code economy.lock}: locks the signer's own money from now until {@code end}, released linearly from now to
     * {@code end} after an optional cliff (nothing before it); a plain time lock has its cliff at its end.
     */
    record Lock(long amount, Optional<Long> cliff, long end) implements EconomyTx {
        public static final String TYPE = "economy.lock";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("amount", amount).put("end", end);
            cliff.ifPresent(c -> o.put("cliff", c));
            return o;
        }

        static Lock read(Fields f) {
            long amount = EconomyTx.amount(f, "amount");
            Optional<Long> cliff = f.has("cliff") ? Optional.of(f.integer("cliff", 0, Fields.MAX_SAFE_INTEGER))
                    : Optional.empty();
            long end = f.integer("end", 0, Fields.MAX_SAFE_INTEGER);
            f.end();
            return new Lock(amount, cliff, end);
        }
    }

    /** {@code economy.apply}: a project applies to a funding round, naming the did:key that would receive its money. */
    record Apply(int round, String title, VerifyingKey recipient, String description) implements EconomyTx {
        public static final String TYPE = "economy.apply";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("round", round).put("title", title)
                    .put("recipient", recipient.did()).put("description", description);
        }

        static Apply read(Fields f) {
            Apply a = new Apply(number(f, "round"), f.line("title", 1, 120), f.did("recipient"),
                    f.text("description", 0, 2_000));
            f.end();
            return a;
        }
    }

    /** {@code economy.approve}: a steward approves a project of a round its stewards approve. */
    record Approve(int round, int project) implements EconomyTx {
        public static final String TYPE = "economy.approve";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("round", round).put("project", project);
        }
    }

    /** {@code economy.contribute}: money into a round's escrow for an approved project. */
    record Contribute(int round, int project, long amount) implements EconomyTx {
        public static final String TYPE = "economy.contribute";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("round", round).put("project", project)
                    .put("amount", amount);
        }
    }

    /** {@code economy.payout}: anyone closes a round whose contribution window ended: it pays out, once. */
    record Payout(int round) implements EconomyTx {
        public static final String TYPE = "economy.payout";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("round", round);
        }
    }

    /**
     * {@code economy.campaign}: a citizen opens a crowdfunding campaign for a territory: a property in a host country
     * (ISO 3166 alpha-2 code), a target and a deadline, and a steward (a did:key) who answers for it.
     */
    record Campaign(String title, String property, String country, long target, long deadline, VerifyingKey steward)
            implements EconomyTx {
        public static final String TYPE = "economy.campaign";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("title", title).put("property", property)
                    .put("country", country).put("target", target).put("deadline", deadline)
                    .put("steward", steward.did());
        }

        static Campaign read(Fields f) {
            String title = f.line("title", 1, 120);
            String property = f.text("property", 1, 2_000);
            String country = f.line("country", 2, 2);
            long target = EconomyTx.amount(f, "target");
            long deadline = f.integer("deadline", 0, Fields.MAX_SAFE_INTEGER);
            VerifyingKey steward = f.did("steward");
            f.end();
            return new Campaign(title, property, country, target, deadline, steward);
        }
    }

    /** {@code economy.pledge}: money into a campaign's escrow, refunded if the campaign fails. */
    record Pledge(int campaign, long amount) implements EconomyTx {
        public static final String TYPE = "economy.pledge";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("campaign", campaign).put("amount", amount);
        }
    }

    /** An amount: any integer JSON carries exactly; the rules refuse zero and negative amounts. */
    static long amount(Fields f, String name) {
        return f.integer(name, -Fields.MAX_SAFE_INTEGER, Fields.MAX_SAFE_INTEGER);
    }

    static int number(Fields f, String name) {
        return (int) f.integer(name, 0, Integer.MAX_VALUE);
    }

    static boolean bool(Fields f, String name) {
        JsonNode v = f.value(name);
        if (!v.isBoolean()) {
            throw new Rejection(TxCode.MALFORMED, f.path() + "." + name + " must be true or false");
        }
        return v.booleanValue();
    }

    /** "treasury" or a did:key, as written. */
    static String recipient(Fields f, String name) {
        JsonNode v = f.value(name);
        if (v.isTextual() && v.textValue().equals(TREASURY)) {
            return TREASURY;
        }
        return f.did(name).did();
    }

    List<TxType> TYPES = List.of(
            new TxType(Transfer.TYPE, "Sends money to an account or to the treasury.", Transfer::read),
            new TxType(Lock.TYPE, "Locks one's own money, released over time after an optional cliff.", Lock::read),
            new TxType(Apply.TYPE, "A project applies to a quadratic funding round.", Apply::read),
            new TxType(Approve.TYPE, "A steward approves a project of a funding round.", f -> {
                Approve a = new Approve(number(f, "round"), number(f, "project"));
                f.end();
                return a;
            }),
            new TxType(Contribute.TYPE, "Contributes to a project of a funding round.", f -> {
                Contribute c = new Contribute(number(f, "round"), number(f, "project"), amount(f, "amount"));
                f.end();
                return c;
            }),
            new TxType(Payout.TYPE, "Pays out a funding round whose contributions closed.", f -> {
                Payout p = new Payout(number(f, "round"));
                f.end();
                return p;
            }),
            new TxType(Campaign.TYPE, "Opens a crowdfunding campaign for a territory.", Campaign::read),
            new TxType(Pledge.TYPE, "Pledges money to a territory campaign.", f -> {
                Pledge p = new Pledge(number(f, "campaign"), amount(f, "amount"));
                f.end();
                return p;
            }));
}
