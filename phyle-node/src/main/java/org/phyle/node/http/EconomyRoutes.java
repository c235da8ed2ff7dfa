package org.phyle.node.http;

import static org.phyle.node.http.Requests.json;
import static org.phyle.node.http.Requests.longParam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.phyle.core.Parameters;
import org.phyle.core.Rejection;
import org.phyle.core.SocietyView;
import org.phyle.core.citizenship.Registry;
import org.phyle.core.economy.Economy;
import org.phyle.core.economy.EconomyParams;
import org.phyle.core.economy.Matching;
import org.phyle.core.economy.Money;
import org.phyle.core.economy.Movement;
import org.phyle.node.store.LedgerStore;
import org.phyle.crypto.VerifyingKey;
import org.phyle.node.Node;
import org.phyle.node.NodeCode;

/**
 * The society's money: the currency and its supply, the treasury and its statement by period, an account's balance
 * and locks, quadratic funding rounds with their matching (the live estimate while a round is open, the paid figures
 * after), territory campaigns, and the citizen dividends. Every amount is written as an object of its integer minor
 * units and the same amount formatted with six decimals: {@code {"minor": 1500000, "formatted": "1.500000"}}.
 */
final class EconomyRoutes {
    private static final long DAY = 86_400_000L;
    private static final java.util.regex.Pattern CURSOR = java.util.regex.Pattern.compile("(\\d{1,18})\\.(\\d{1,9})");
    private final Node node;
    /** An open round's matching estimate, per round, for the block height it was computed at. */
    private final Map<Integer, Estimate> estimates = new ConcurrentHashMap<>();

    private record Estimate(long height, Matching.Result result) {
    }

    EconomyRoutes(Node node) {
        this.node = node;
    }

    void register(Router router) {
        router.get("/economy", this::summary);
        router.get("/economy/treasury", this::treasury);
        router.get("/accounts/{did}", this::account);
        router.get("/accounts/{did}/history", this::history);
        router.get("/rounds", this::rounds);
        router.get("/rounds/{n}", this::round);
        router.get("/campaigns", this::campaigns);
        router.get("/campaigns/{n}", this::campaign);
        router.get("/dividends", this::dividends);
    }

    static ObjectNode money(long minor) {
        return Views.object().put("minor", minor).put("formatted", Money.format(minor));
    }

    private void summary(Context ctx) {
        json(ctx, node.read(s -> {
            Economy e = s.view(Economy.class);
            Parameters p = s.parameters();
            long now = s.time();
            ObjectNode o = Views.object();
            o.putObject("currency").put("name", p.name(EconomyParams.CURRENCY_NAME))
                    .put("code", p.name(EconomyParams.CURRENCY_CODE)).put("decimals", 6);
            o.set("supply", money(e.supply()));
            o.set("genesisAllocation", money(e.genesisAllocation()));
            o.set("issued", money(e.issued()));
            ObjectNode issuance = o.putObject("issuance");
            long year = e.yearOf(now);
            issuance.put("year", year).put("capBp", p.get(EconomyParams.ISSUANCE_CAP_BP));
            issuance.set("issuedThisYear", money(e.issuedInYear(year)));
            issuance.set("room", money(e.issuanceRoom(now, p)));
            ObjectNode t = o.putObject("treasury");
            t.set("total", money(e.treasury()));
            t.set("general", money(e.treasuryGeneral()));
            t.set("land", money(e.treasuryLand()));
            o.set("dividend", dividendSettings(e, p));
            o.put("accounts", e.balances().size());
            o.put("rounds", e.rounds().size());
            o.put("campaigns", e.campaigns().size());
            o.put("time", now).put("height", s.height());
            return o;
        }));
    }

    private static ObjectNode dividendSettings(Economy e, Parameters p) {
        ObjectNode d = Views.object();
        d.put("shareBp", p.get(EconomyParams.DIVIDEND_SHARE_BP));
        d.put("periodDays", p.get(EconomyParams.DIVIDEND_PERIOD_DAYS));
        d.put("nextAt", e.nextDividendAt());
        d.set("revenueInPeriod", money(e.revenueInPeriod()));
        return d;
    }

    /** The treasury's statement in periods of {@code period} days from the genesis (the last one up to now). */
    private void treasury(Context ctx) {
        long days = longParam(ctx, "period", 30L, 1, 3660);
        json(ctx, node.read(s -> {
            Economy e = s.view(Economy.class);
            ObjectNode o = Views.object().put("periodDays", days);
            o.set("balance", money(e.treasury()));
            ArrayNode periods = o.putArray("periods");
            for (Economy.Statement st : e.statements(days * DAY, s.time())) {
                ObjectNode p = periods.addObject().put("from", st.from()).put("until", st.until());
                p.set("opening", money(st.opening()));
                ObjectNode in = p.putObject("income");
                st.income().forEach((k, v) -> in.set(k, money(v)));
                ObjectNode out = p.putObject("spending");
                st.spending().forEach((k, v) -> out.set(k, money(v)));
                p.set("closing", money(st.closing()));
            }
            return o;
        }));
    }

    private void account(Context ctx) {
        String did = ctx.pathParam("did");
        Requests.didParam(ctx, "did", "an account");
        json(ctx, node.read(s -> {
            Economy e = s.view(Economy.class);
            long now = s.time();
            ObjectNode o = Views.object().put("did", did).put("time", now);
            o.set("balance", money(e.balances().getOrDefault(did, 0L)));
            o.set("spendable", money(e.spendable(did, now)));
            o.set("locked", money(e.locked(did, now)));
            ArrayNode locks = o.putArray("locks");
            for (Economy.LockView l : e.locksOf(did, now)) {
                locks.add(lock(l));
            }
            ArrayNode patron = o.putArray("patronOf");
            for (int n : e.patronOf(did)) {
                Economy.Campaign c = e.campaign(n).orElseThrow();
                long pledged = c.pledges().stream().filter(x -> x.pledger().equals(did))
                        .mapToLong(Economy.Pledge::amount).sum();
                ObjectNode a = patron.addObject().put("campaign", n).put("title", c.title())
                        .put("state", c.state().name().toLowerCase(java.util.Locale.ROOT));
                a.set("pledged", money(pledged));
            }
            s.registry().byCurrentKey(VerifyingKey.fromDid(did))
                    .ifPresentOrElse(p -> o.set("person", GovernanceRoutes.person(s.registry(), p.number())),
                            () -> o.putNull("person"));
            return o;
        }));
    }

    /**
     * An account's movements of money, newest first, from the node's ledger store: {@code limit} (1 to 200, default
     * 50) of them before the cursor {@code before} ("height.seq", as the previous page's {@code next} gave it). The
     * account is a did:key or {@code treasury}.
     */
    private void history(Context ctx) {
        String account = ctx.pathParam("did");
        if (!account.equals(org.phyle.core.economy.EconomyTx.TREASURY)) {
            try {
                VerifyingKey.fromDid(account);
            } catch (RuntimeException ex) {
                throw new Rejection(NodeCode.BAD_REQUEST, "an account is a did:key (did:key:z6Mk...) or treasury, not '"
                        + Requests.truncate(account) + "'");
            }
        }
        int limit = (int) longParam(ctx, "limit", 50L, 1, 200);
        long beforeHeight = Long.MAX_VALUE;
        int beforeSeq = 0;
        String before = ctx.queryParam("before");
        if (before != null) {
            java.util.regex.Matcher c = CURSOR.matcher(before);
            if (!c.matches()) {
                throw new Rejection(NodeCode.BAD_REQUEST, "before is a cursor such as 120.3 (the next of the page "
                        + "before), not '" + Requests.truncate(before) + "'");
            }
            beforeHeight = Long.parseLong(c.group(1));
            beforeSeq = Integer.parseInt(c.group(2));
        }
        List<LedgerStore.StoredMovement> rows = node.store().history(account, beforeHeight, beforeSeq, limit + 1);
        ObjectNode o = Views.object().put("account", account);
        ArrayNode items = o.putArray("items");
        for (LedgerStore.StoredMovement row : rows.subList(0, Math.min(limit, rows.size()))) {
            items.add(movement(row));
        }
        if (rows.size() > limit) {
            o.put("next", cursor(rows.get(limit - 1)));
        } else {
            o.putNull("next");
        }
        json(ctx, o);
    }

    private static String cursor(LedgerStore.StoredMovement row) {
        return row.movement().height() + "." + row.seq();
    }

    static ObjectNode movement(LedgerStore.StoredMovement row) {
        Movement m = row.movement();
        ObjectNode o = Views.object().put("cursor", cursor(row)).put("height", m.height()).put("seq", row.seq())
                .put("time", m.time()).put("kind", m.kind().json()).put("direction", m.direction().json());
        o.set("amount", money(m.amount()));
        putOrNull(o, "counterparty", m.counterparty());
        putOrNull(o, "memo", m.memo());
        putOrNull(o, "tx", m.tx() == null ? "" : m.tx().hex());
        putOrNull(o, "proposal", m.proposal() == null ? "" : m.proposal().hex());
        putOrNull(o, "round", m.round());
        putOrNull(o, "project", m.project());
        putOrNull(o, "campaign", m.campaign());
        putOrNull(o, "lock", m.lock());
        return o;
    }

    private static void putOrNull(ObjectNode o, String name, String value) {
        if (value.isEmpty()) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }

    private static void putOrNull(ObjectNode o, String name, int value) {
        if (value < 0) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }

    static ObjectNode lock(Economy.LockView l) {
        ObjectNode o = Views.object().put("id", l.id()).put("source", l.source()).put("start", l.start())
                .put("cliff", l.cliff()).put("end", l.end());
        o.set("amount", money(l.amount()));
        o.set("released", money(l.released()));
        o.set("claimed", money(l.claimed()));
        o.set("locked", money(l.locked()));
        return o;
    }

    private void rounds(Context ctx) {
        json(ctx, node.read(s -> {
            Economy e = s.view(Economy.class);
            ArrayNode items = Views.array();
            for (Economy.Round r : e.rounds()) {
                items.add(roundSummary(r, s.time()));
            }
            ObjectNode o = Views.object().put("count", items.size());
            o.set("rounds", items);
            return o;
        }));
    }

    private void round(Context ctx) {
        String ref = ctx.pathParam("n");
        json(ctx, node.read(s -> {
            Economy e = s.view(Economy.class);
            Economy.Round r = e.round(number(ref, "round")).orElseThrow(
                    () -> new Rejection(NodeCode.NOT_FOUND, "no funding round #" + ref));
            return roundDetail(s, r, matching(s, e, r));
        }));
    }

    /** The paid figures, or the estimate as if the round paid out now, computed once per round and block height. */
    private Matching.Result matching(SocietyView s, Economy e, Economy.Round r) {
        if (r.paid()) {
            return e.matching(r.number());
        }
        long height = s.height();
        Estimate cached = estimates.get(r.number());
        if (cached != null && cached.height() == height) {
            return cached.result();
        }
        Matching.Result result = e.matching(r.number());
        estimates.put(r.number(), new Estimate(height, result));
        return result;
    }

    static String phase(Economy.Round r, long now) {
        if (r.paid()) {
            return "paid";
        }
        if (now < r.applicationsUntil()) {
            return "applications";
        }
        return now < r.contributionsUntil() ? "contributions" : "awaiting-payout";
    }

    static ObjectNode roundSummary(Economy.Round r, long now) {
        ObjectNode o = Views.object().put("number", r.number()).put("title", r.title());
        o.set("pool", money(r.pool()));
        o.put("phase", phase(r, now)).put("mode", r.mode().json()).put("approval", r.approval().json())
                .put("capBp", r.capBp()).put("pairwiseK", r.pairwiseK()).put("created", r.created())
                .put("applicationsUntil", r.applicationsUntil()).put("contributionsUntil", r.contributionsUntil())
                .put("projects", r.projects().size()).put("pairs", r.pairs()).put("proposal", r.proposal().hex());
        o.set("escrow", money(r.escrow()));
        if (r.paid()) {
            o.put("paidAt", r.paidAt());
        } else {
            o.putNull("paidAt");
        }
        return o;
    }

    static ObjectNode roundDetail(SocietyView s, Economy.Round r, Matching.Result m) {
        Registry reg = s.registry();
        ObjectNode o = roundSummary(r, s.time());
        o.put("height", s.height());
        ObjectNode matching = o.putObject("matching");
        matching.put("estimate", !r.paid());
        matching.set("distributed", money(m.distributed()));
        matching.set("remainder", money(m.remainder()));
        matching.put("saturated", m.saturated()).put("capped", m.capped());
        ArrayNode projects = o.putArray("projectList");
        List<Economy.Project> list = r.projects();
        for (Economy.Project p : list) {
            ObjectNode j = projects.addObject().put("index", p.index()).put("title", p.title())
                    .put("recipient", p.recipient()).put("description", p.description())
                    .put("applicant", p.applicant()).put("appliedAt", p.appliedAt()).put("approved", p.approved())
                    .put("approvedBy", p.approvedBy());
            long countedSum = p.counted().values().stream().mapToLong(Long::longValue).sum();
            j.put("contributors", p.counted().size());
            j.set("counted", money(countedSum));
            j.set("uncounted", money(p.uncounted()));
            j.set("total", money(p.total()));
            ArrayNode cs = j.putArray("contributions");
            p.counted().forEach((n, a) -> {
                ObjectNode c = GovernanceRoutes.person(reg, n);
                c.set("amount", money(a));
                cs.add(c);
            });
            j.set("raw", money(m.raw()[p.index()]));
            j.set("match", money(m.matches()[p.index()]));
        }
        return o;
    }

    private void campaigns(Context ctx) {
        json(ctx, node.read(s -> {
            Economy e = s.view(Economy.class);
            ArrayNode items = Views.array();
            for (Economy.Campaign c : e.campaigns()) {
                items.add(campaignSummary(c));
            }
            ObjectNode o = Views.object().put("count", items.size());
            o.set("campaigns", items);
            return o;
        }));
    }

    private void campaign(Context ctx) {
        String ref = ctx.pathParam("n");
        json(ctx, node.read(s -> {
            Economy e = s.view(Economy.class);
            Economy.Campaign c = e.campaign(number(ref, "campaign")).orElseThrow(
                    () -> new Rejection(NodeCode.NOT_FOUND, "no campaign #" + ref));
            ObjectNode o = campaignSummary(c);
            o.put("creator", c.creator());
            ArrayNode pledges = o.putArray("pledgeList");
            for (Economy.Pledge p : c.pledges()) {
                ObjectNode j = pledges.addObject().put("pledger", p.pledger()).put("time", p.time())
                        .put("height", p.height());
                j.set("amount", money(p.amount()));
            }
            e.territories().stream().filter(t -> t.campaign() == c.number()).findFirst().ifPresentOrElse(t -> {
                ObjectNode j = o.putObject("territory").put("property", t.property()).put("country", t.country())
                        .put("time", t.time()).put("status", t.status());
                j.set("amount", money(t.amount()));
            }, () -> o.putNull("territory"));
            return o;
        }));
    }

    static ObjectNode campaignSummary(Economy.Campaign c) {
        ObjectNode o = Views.object().put("number", c.number()).put("title", c.title()).put("property", c.property())
                .put("country", c.country()).put("deadline", c.deadline()).put("steward", c.steward())
                .put("created", c.created()).put("state", c.state().name().toLowerCase(java.util.Locale.ROOT))
                .put("pledges", c.pledges().size());
        o.set("target", money(c.target()));
        long pledged = c.pledged();
        o.set("pledged", money(pledged));
        o.set("escrow", money(c.escrow()));
        o.put("progressBp", c.target() == 0 ? 10_000 : Money.mulDiv(Math.min(pledged, c.target()), 10_000, c.target()));
        if (c.state() == Economy.Campaign.State.OPEN) {
            o.putNull("settledAt");
        } else {
            o.put("settledAt", c.settledAt());
        }
        return o;
    }

    private void dividends(Context ctx) {
        json(ctx, node.read(s -> {
            Economy e = s.view(Economy.class);
            ObjectNode o = Views.object();
            o.set("settings", dividendSettings(e, s.parameters()));
            ArrayNode items = o.putArray("dividends");
            for (Economy.Dividend d : e.dividends()) {
                ObjectNode j = items.addObject().put("time", d.time()).put("height", d.height())
                        .put("citizens", d.citizens());
                j.set("revenue", money(d.revenue()));
                j.set("pot", money(d.pot()));
                j.set("each", money(d.each()));
                j.set("remainder", money(d.remainder()));
            }
            return o;
        }));
    }

    private static int number(String ref, String what) {
        if (!ref.matches("[0-9]{1,9}")) {
            throw new Rejection(NodeCode.BAD_REQUEST, "a " + what + " is named by its number, not '" + ref + "'");
        }
        return Integer.parseInt(ref);
    }
}
