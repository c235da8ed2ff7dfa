package org.phyle.node.http;

import static org.phyle.node.http.Requests.hashParam;
import static org.phyle.node.http.Requests.json;
import static org.phyle.node.http.Requests.longParam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.phyle.core.Rejection;
import org.phyle.core.SocietyView;
import org.phyle.core.citizenship.ChallengeCase;
import org.phyle.core.citizenship.CitizenshipParams;
import org.phyle.core.citizenship.KeyRef;
import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Registry;
import org.phyle.core.citizenship.Status;
import org.phyle.crypto.Hash;
import org.phyle.crypto.InvalidKeyException;
import org.phyle.crypto.VerifyingKey;
import org.phyle.node.Node;
import org.phyle.node.NodeCode;

/**
 * The registry's read API: a paged, filterable list of people, one person with their history, and the challenges
 * with their juries. People are named by number, by id (hex) or by did:key.
 */
final class CitizenshipRoutes {
    static final int MAX_PAGE = 200;
    private static final List<String> FILTERS = List.of("all", "applicant", "citizen", "lapsed", "e-resident",
            "host-resident", "revoked", "renounced", "ended");

    private final Node node;

    CitizenshipRoutes(Node node) {
        this.node = node;
    }

    void register(Router router) {
        router.get("/citizens", this::list);
        router.get("/citizens/timeline", this::timeline); // before /citizens/{ref}, which it would match
        router.get("/citizens/{ref}", this::person);
        router.get("/citizens/{ref}/history", this::history);
        router.get("/challenges", this::challenges);
        router.get("/challenges/{id}", this::challenge);
    }

    private void list(Context ctx) {
        String status = Optional.ofNullable(ctx.queryParam("status")).orElse("all");
        if (!FILTERS.contains(status)) {
            throw new Rejection(NodeCode.BAD_REQUEST, "status must be one of " + FILTERS + ", not '" + status + "'");
        }
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        long after = longParam(ctx, "after", -1L, -1, Long.MAX_VALUE - 1);
        // people are numbered by int; a cursor past the last possible number is an empty page, never a wrap-around
        int from = (int) Math.min(after + 1, Integer.MAX_VALUE);
        int limit = (int) longParam(ctx, "limit", 50L, 1, MAX_PAGE);
        ObjectNode out = node.read(s -> {
            long time = s.time();
            Predicate<Person> filter = p -> matches(p, status, time) && (q.isEmpty() || containsIgnoreCase(p.name(), q));
            List<Person> page = s.registry().page(from, limit + 1, filter);
            ObjectNode o = Views.object();
            ArrayNode items = o.putArray("people");
            for (Person p : page.subList(0, Math.min(limit, page.size()))) {
                items.add(summary(p, time));
            }
            if (page.size() > limit) {
                o.put("next", page.get(limit - 1).number());
            } else {
                o.putNull("next");
            }
            o.set("counts", counts(s));
            return o;
        });
        json(ctx, out);
    }

    /** Members over time, for a chart: from genesis to the latest block, at evenly spaced times. */
    private void timeline(Context ctx) {
        int points = (int) longParam(ctx, "points", 48L, 2, 500);
        json(ctx, node.read(s -> {
            long[] times = new long[points];
            long start = s.genesisTime();
            long end = Math.max(s.time(), start + 1);
            for (int i = 0; i < points; i++) {
                times[i] = start + (end - start) * i / (points - 1);
            }
            long[] members = s.registry().membersAt(times);
            ObjectNode o = Views.object();
            ArrayNode series = o.putArray("points");
            for (int i = 0; i < points; i++) {
                series.addObject().put("time", times[i]).put("members", members[i]);
            }
            o.put("citizensNow", s.registry().activeCitizens(s.time()));
            return o;
        }));
    }

    private void person(Context ctx) {
        String ref = ctx.pathParam("ref");
        json(ctx, node.read(s -> detail(s, resolve(s.registry(), ref))));
    }

    private void history(Context ctx) {
        String ref = ctx.pathParam("ref");
        long[] leaves = node.read(s -> resolve(s.registry(), ref).history());
        int limit = (int) longParam(ctx, "limit", 50L, 1, MAX_PAGE);
        long before = longParam(ctx, "before", (long) leaves.length, 0, leaves.length);
        ArrayNode items = Views.array();
        for (int i = (int) before - 1; i >= Math.max(0, before - limit); i--) {
            items.add(Views.logEntry(node, leaves[i]));
        }
        ObjectNode o = Views.object().put("count", leaves.length);
        o.set("entries", items);
        if (before - limit > 0) {
            o.put("next", before - limit);
        } else {
            o.putNull("next");
        }
        json(ctx, o);
    }

    private void challenges(Context ctx) {
        boolean openOnly = "true".equals(ctx.queryParam("open"));
        int limit = (int) longParam(ctx, "limit", 50L, 1, MAX_PAGE);
        json(ctx, node.read(s -> {
            List<ChallengeCase> all = s.registry().challenges();
            ArrayNode items = Views.array();
            for (int i = all.size() - 1; i >= 0 && items.size() < limit; i--) {
                ChallengeCase c = all.get(i);
                if (!openOnly || c.outcomeAt(s.time()) == ChallengeCase.Outcome.OPEN) {
                    items.add(challengeView(s, c));
                }
            }
            ObjectNode o = Views.object().put("count", all.size());
            o.set("challenges", items);
            return o;
        }));
    }

    private void challenge(Context ctx) {
        Hash id = hashParam(ctx, "id");
        json(ctx, node.read(s -> challengeView(s, s.registry().challenge(id).orElseThrow(
                () -> new Rejection(NodeCode.NOT_FOUND, "no challenge " + id.hex())))));
    }

    // ---- views --------------------------------------------------------------------------------------------------

    static ObjectNode counts(SocietyView s) {
        ObjectNode c = Views.object();
        s.registry().counts(s.time()).forEach(c::put);
        return c;
    }

    /** A case-insensitive search that allocates nothing: it runs over every name of a large registry. */
    static boolean containsIgnoreCase(String text, String part) {
        for (int i = 0; i + part.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Person p, String filter, long time) {
        return switch (filter) {
            case "all" -> true;
            case "citizen" -> p.activeCitizen(time);
            case "lapsed" -> p.lapsed(time);
            default -> p.status().json().equals(filter);
        };
    }

    /** The status shown: a citizen whose renewal is overdue shows as lapsed. */
    static String standing(Person p, long time) {
        return p.lapsed(time) ? "lapsed" : p.status().json();
    }

    private static ObjectNode summary(Person p, long time) {
        ObjectNode o = Views.object();
        o.put("number", p.number());
        o.put("id", p.id().hex());
        o.put("name", p.name());
        o.put("status", standing(p, time));
        o.put("since", p.since());
        o.put("did", p.key().did());
        o.put("vouchers", p.vouchers().length);
        return o;
    }

    private static ObjectNode detail(SocietyView s, Person p) {
        Registry r = s.registry();
        long time = s.time();
        ObjectNode o = summary(p, time);
        o.put("registeredAt", p.registeredAt());
        if (p.admittedAt() > 0) {
            o.put("admittedAt", p.admittedAt());
        }
        if (p.status() == Status.CITIZEN) {
            o.put("expiresAt", p.expiresAt());
            o.put("admittedBy", p.number() == 0 ? "genesis" : p.admittedByFounder() ? "founder" : "vouches");
        }
        if (p.charter() != null) {
            o.put("charter", p.charter().hex());
            o.put("consentedAt", p.consentedAt());
            o.put("consentsToCharterInForce", p.charter().equals(s.charterHash()));
        }
        if (p.evidence() != null) {
            o.put("evidence", p.evidence().hex());
        }
        o.set("vouchedBy", people(r, p.vouchers()));
        o.put("vouchesGiven", p.vouchesGiven());
        o.put("vouchesLeft", r.vouchesLeft(p, time, s.genesisTime(), s.parameters()));
        if (p.vouchBanUntil() > time) {
            o.put("vouchBanUntil", p.vouchBanUntil());
        }
        o.set("guardians", people(r, p.guardians()));
        o.put("guardianThreshold", p.guardianThreshold());
        if (p.recovering()) {
            ObjectNode rec = o.putObject("recovery");
            rec.put("newKey", p.recoveryKey().did());
            rec.set("approvedBy", people(r, p.recoveryApprovals()));
            rec.put("startedAt", p.recoveryStartedAt());
            rec.put("completableAt", r.recoveryCompletableAt(p, s.parameters()));
        }
        ArrayNode former = o.putArray("formerKeys");
        for (KeyRef k : p.formerKeys()) {
            former.add(k.did());
        }
        if (p.territory() != null) {
            o.put("territory", p.territory());
        }
        if (p.region() != null) {
            o.put("region", p.region());
        }
        if (p.registrar() != null) {
            o.put("registrar", p.registrar().did());
        }
        for (ChallengeCase c : r.challenges()) {
            if (c.target() == p.number() && c.outcomeAt(time) == ChallengeCase.Outcome.OPEN) {
                o.put("openChallenge", c.id().hex());
            }
        }
        o.put("historyLength", p.history().length);
        return o;
    }

    private static ArrayNode people(Registry r, int[] numbers) {
        ArrayNode a = Views.array();
        for (int n : numbers) {
            Person p = r.byNumber(n).orElseThrow();
            a.addObject().put("number", n).put("id", p.id().hex()).put("name", p.name());
        }
        return a;
    }

    private static ObjectNode challengeView(SocietyView s, ChallengeCase c) {
        Registry r = s.registry();
        long time = s.time();
        ObjectNode o = Views.object();
        o.put("id", c.id().hex());
        o.put("number", c.number());
        Person target = r.byNumber(c.target()).orElseThrow();
        Person challenger = r.byNumber(c.challenger()).orElseThrow();
        o.putObject("person").put("number", target.number()).put("id", target.id().hex()).put("name", target.name());
        o.putObject("challenger").put("number", challenger.number()).put("id", challenger.id().hex())
                .put("name", challenger.name());
        o.put("grounds", c.grounds());
        o.put("reason", c.reason());
        if (c.evidence() != null) {
            o.put("evidence", c.evidence().hex());
        }
        o.put("openedAt", c.openedAt());
        o.put("deadline", c.deadline());
        ChallengeCase.Outcome outcome = c.outcomeAt(time);
        o.put("outcome", outcome.json());
        if (outcome != ChallengeCase.Outcome.OPEN) {
            o.put("resolvedAt", c.resolvedAt(time));
        }
        o.put("revokeVotes", c.revokeVotes());
        o.put("dismissVotes", c.dismissVotes());
        s.sortition().byId(org.phyle.core.sortition.Sortition.idFor(org.phyle.core.sortition.Draw.Purpose.JURY,
                c.id())).ifPresent(d -> o.put("juryDraw", d.number()).put("juryPhase", d.phase(time)));
        ArrayNode jury = o.putArray("jury");
        int[] numbers = c.jury();
        for (int i = 0; i < numbers.length; i++) {
            Person j = r.byNumber(numbers[i]).orElseThrow();
            ObjectNode juror = jury.addObject().put("number", j.number()).put("id", j.id().hex()).put("name", j.name());
            String vote = c.vote(i);
            if (vote != null) {
                juror.put("vote", vote);
            } else if (outcome != ChallengeCase.Outcome.OPEN) {
                juror.put("vote", "did not vote");
            } else {
                juror.putNull("vote");
            }
        }
        return o;
    }

    /** A person by number, id (64 hex digits) or did:key. */
    static Person resolve(Registry r, String ref) {
        Optional<Person> p;
        if (ref.matches("[0-9]{1,10}")) {
            long n = Long.parseLong(ref);
            p = n <= Integer.MAX_VALUE ? r.byNumber((int) n) : Optional.empty();
        } else if (ref.matches("[0-9a-f]{64}")) {
            p = r.byId(Hash.fromHex(ref));
        } else if (ref.startsWith("did:key:")) {
            try {
                p = r.byAnyKey(VerifyingKey.fromDid(ref));
            } catch (InvalidKeyException e) {
                throw new Rejection(NodeCode.BAD_REQUEST, "not a usable did:key: " + e.getMessage());
            }
        } else {
            throw new Rejection(NodeCode.BAD_REQUEST, "a person is named by number, id (64 hex digits) or did:key, not '"
                    + ref + "'");
        }
        return p.orElseThrow(() -> new Rejection(NodeCode.NOT_FOUND, "no person " + ref));
    }
}
