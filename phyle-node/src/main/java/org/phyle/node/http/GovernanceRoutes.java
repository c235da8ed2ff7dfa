package org.phyle.node.http;

import static org.phyle.node.http.Requests.hashParam;
import static org.phyle.node.http.Requests.json;
import static org.phyle.node.http.Requests.longParam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phyle.core.Rejection;
import org.phyle.core.SocietyView;
import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Registry;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.Governance;
import org.phyle.core.governance.GovernanceParams;
import org.phyle.core.governance.Proposal;
import org.phyle.core.governance.TallyResult;
import org.phyle.core.sortition.Draw;
import org.phyle.core.sortition.SortitionParams;
import org.phyle.crypto.Hash;
import org.phyle.node.Node;
import org.phyle.node.NodeCode;

/** Governance's read API: proposals with their rules, ballots and tallies; a person's delegations and credits. */
final class GovernanceRoutes {
    private static final List<String> STATES = List.of("all", "draft", "sponsored", "voting", "passed", "failed",
            "executed", "not executed", "cancelled", "open", "closed");

    private final Node node;

    GovernanceRoutes(Node node) {
        this.node = node;
    }

    void register(Router router) {
        router.get("/proposals", this::list);
        router.get("/proposals/{id}", this::proposal);
        router.get("/proposals/{id}/ballots", this::ballots);
        router.get("/proposals/{id}/tally", this::tally);
        router.get("/delegations/{ref}", this::delegations);
    }

    private void list(Context ctx) {
        String state = Optional.ofNullable(ctx.queryParam("state")).orElse("all");
        if (!STATES.contains(state)) {
            throw new Rejection(NodeCode.BAD_REQUEST, "state must be one of " + STATES + ", not '" + state + "'");
        }
        int limit = (int) longParam(ctx, "limit", 50L, 1, 200);
        json(ctx, node.read(s -> {
            List<Proposal> all = s.governance().proposals();
            long before = longParam(ctx, "before", (long) all.size(), 0, all.size());
            ArrayNode items = Views.array();
            int i = (int) before - 1;
            for (; i >= 0 && items.size() < limit; i--) {
                Proposal p = all.get(i);
                if (matches(p, state)) {
                    items.add(summary(s, p));
                }
            }
            ObjectNode o = Views.object().put("count", all.size());
            o.set("proposals", items);
            if (i >= 0) {
                o.put("next", i + 1);
            } else {
                o.putNull("next");
            }
            return o;
        }));
    }

    private static boolean matches(Proposal p, String state) {
        return switch (state) {
            case "all" -> true;
            case "open" -> p.state() == Proposal.State.DRAFT || p.state() == Proposal.State.SPONSORED
                    || p.state() == Proposal.State.VOTING;
            case "closed" -> p.result() != null;
            default -> p.state().json().equals(state);
        };
    }

    private void proposal(Context ctx) {
        Hash id = hashParam(ctx, "id");
        json(ctx, node.read(s -> detail(s, find(s, id))));
    }

    private void ballots(Context ctx) {
        Hash id = hashParam(ctx, "id");
        long after = longParam(ctx, "after", -1L, -1, Integer.MAX_VALUE);
        int limit = (int) longParam(ctx, "limit", 100L, 1, 1000);
        boolean panel = "true".equals(ctx.queryParam("panel"));
        json(ctx, node.read(s -> {
            Proposal p = find(s, id);
            ArrayNode items = Views.array();
            Integer last = null;
            Map<Integer, Ballot> ballots = panel ? p.panelBallots() : p.ballots();
            for (Map.Entry<Integer, Ballot> e : ballots.entrySet()) {
                if (e.getKey() <= after) {
                    continue;
                }
                if (items.size() == limit) {
                    break;
                }
                ObjectNode item = items.addObject();
                item.set("voter", person(s.registry(), e.getKey()));
                item.set("ballot", e.getValue().toJson());
                last = e.getKey();
            }
            ObjectNode o = Views.object().put("count", panel ? ballots.size() : p.ballotCount());
            o.set("ballots", items);
            if (last != null && items.size() == limit) {
                o.put("next", last);
            } else {
                o.putNull("next");
            }
            return o;
        }));
    }

    private void tally(Context ctx) {
        Hash id = hashParam(ctx, "id");
        json(ctx, node.read(s -> {
            Proposal p = find(s, id);
            TallyResult t = s.governance().provisionalTally(p);
            if (t == null) {
                throw new Rejection(NodeCode.NOT_FOUND, "proposal #" + p.number() + " is " + p.state().json()
                        + ": it has no tally yet");
            }
            ObjectNode o = Views.object().put("proposal", p.id().hex()).put("state", p.state().json())
                    .put("final", p.result() != null);
            if (p.result() != null) {
                o.put("closedAt", p.closedAt()).put("closedHeight", p.closedHeight());
            }
            o.set("tally", t.toJson(p.options()));
            return o;
        }));
    }

    private void delegations(Context ctx) {
        String ref = ctx.pathParam("ref");
        json(ctx, node.read(s -> {
            Person p = CitizenshipRoutes.resolve(s.registry(), ref);
            Governance g = s.governance();
            ObjectNode o = Views.object().put("person", p.number());
            ArrayNode mine = o.putArray("delegations");
            g.delegationsOf(p.number()).forEach((topic, to) -> {
                ObjectNode d = mine.addObject().put("topic", topic);
                d.set("to", person(s.registry(), to));
            });
            ObjectNode delegators = o.putObject("delegators");
            g.delegatorsOf(p.number()).forEach(delegators::put);
            long epoch = Governance.epochOf(s.time(), s.genesisTime(), s.parameters());
            long perEpoch = s.parameters().get(GovernanceParams.VOICE_CREDITS);
            long spent = g.creditsSpent(epoch, p.number());
            o.putObject("credits").put("epoch", epoch).put("perEpoch", perEpoch).put("spent", spent)
                    .put("left", g.creditsLeft(p.number(), s.time(), s.genesisTime(), s.parameters()));
            return o;
        }));
    }

    // ---- views --------------------------------------------------------------------------------------------------

    /** The proposal's outside panel of host residents (null if its kind has none): share, draw, members, ballots. */
    private static ObjectNode panel(SocietyView s, Proposal p) {
        if (p.panelShareBp() == 0) {
            return null;
        }
        ObjectNode o = Views.object();
        o.put("shareBp", p.panelShareBp());
        o.put("size", s.parameters().get(SortitionParams.PANEL_SIZE));
        Draw d = p.panelDraw().equals(Hash.ZERO) ? null : s.sortition().byId(p.panelDraw()).orElse(null);
        if (d == null) {
            o.putNull("draw").putNull("drawNumber").putNull("phase");
        } else {
            o.put("size", d.size());
            o.put("draw", d.id().hex()).put("drawNumber", d.number()).put("phase", d.phase(s.time()));
        }
        ArrayNode members = o.putArray("members");
        for (int n : p.panel()) {
            Person m = s.registry().byNumber(n).orElseThrow();
            members.add(person(s.registry(), n).put("region", m.region() == null ? "" : m.region()));
        }
        o.put("ballots", p.panelBallots().size());
        o.put("note", p.panelNote());
        return o;
    }

    private static Proposal find(SocietyView s, Hash id) {
        return s.governance().byId(id).orElseThrow(() -> new Rejection(NodeCode.NOT_FOUND, "no proposal " + id.hex()));
    }

    static ObjectNode person(Registry r, int number) {
        Person p = r.byNumber(number).orElseThrow();
        return Views.object().put("number", number).put("id", p.id().hex()).put("name", p.name());
    }

    private static ObjectNode summary(SocietyView s, Proposal p) {
        ObjectNode o = Views.object();
        o.put("id", p.id().hex());
        o.put("number", p.number());
        o.put("title", p.title());
        o.put("kind", p.kind());
        o.put("method", p.method().json());
        o.put("topic", p.topic());
        o.put("state", p.state().json());
        o.set("author", person(s.registry(), p.author()));
        o.put("createdAt", p.createdAt());
        if (p.opensAt() > 0) {
            o.put("opensAt", p.opensAt());
        }
        if (p.closesAt() > 0) {
            o.put("closesAt", p.closesAt());
        }
        o.put("sponsors", p.sponsors().length).put("sponsorsRequired", p.sponsorsRequired());
        o.put("ballots", p.ballotCount());
        if (p.result() != null) {
            o.put("passed", p.result().passed());
        }
        return o;
    }

    private static ObjectNode detail(SocietyView s, Proposal p) {
        ObjectNode o = summary(s, p);
        o.set("terms", p.terms().toJson());
        ArrayNode options = o.putArray("options");
        p.options().forEach(options::add);
        ObjectNode rules = o.putObject("rules");
        rules.put("threshold", p.threshold().name());
        rules.put("quorumBp", p.quorumBp());
        rules.put("votingHours", p.votingMs() / 3_600_000L);
        rules.put("timelockHours", p.timelockMs() / 3_600_000L);
        rules.put("sponsorsRequired", p.sponsorsRequired());
        rules.put("maxDelegatedBp", p.maxDelegatedBp());
        if (p.method() == org.phyle.core.proposals.Method.QUADRATIC) {
            rules.put("voiceCredits", p.voiceCredits());
            rules.put("allowNegative", p.allowNegative());
        }
        if (p.method() == org.phyle.core.proposals.Method.APPROVAL) {
            rules.put("maxApprovals", p.maxApprovals());
        }
        rules.put("winners", p.winners());
        ArrayNode sponsors = o.putArray("sponsoredBy");
        for (int n : p.sponsors()) {
            sponsors.add(person(s.registry(), n));
        }
        ObjectNode times = o.putObject("timeline");
        times.put("created", p.createdAt());
        if (p.sponsoredAt() > 0) {
            times.put("sponsored", p.sponsoredAt());
        }
        if (p.openedAt() > 0) {
            times.put("opened", p.openedAt()).put("openedHeight", p.openedHeight());
        }
        if (p.closedAt() > 0) {
            times.put("closed", p.closedAt());
            if (p.result() != null) {
                times.put("closedHeight", p.closedHeight());
            }
        }
        if (p.executableAt() > 0) {
            times.put("executable", p.executableAt());
        }
        if (p.vetoedAt() > 0) {
            times.put("vetoed", p.vetoedAt());
        }
        if (p.executedAt() > 0) {
            times.put("executed", p.executedAt());
            o.put("execution", p.executionNote());
        }
        o.put("electorate", p.electorateSize());
        o.set("panel", panel(s, p));
        TallyResult t = s.governance().provisionalTally(p);
        if (t != null) {
            o.set("tally", t.toJson(p.options()));
            o.put("tallyFinal", p.result() != null);
        }
        return o;
    }
}
