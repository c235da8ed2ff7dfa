package org.phyle.node.http;

import static org.phyle.node.http.Requests.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.phyle.core.SocietyView;
import org.phyle.core.citizenship.ChallengeCase;
import org.phyle.core.citizenship.CitizenshipParams;
import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Status;
import org.phyle.core.governance.Proposal;
import org.phyle.core.sortition.Draw;
import org.phyle.core.tx.TxType;
import org.phyle.node.Head;
import org.phyle.node.Node;

/**
 * What needs a person, computed from the ledger's state: votes open to them that they have not cast (and outside
 * panels they sit on), juries they sit on that wait for their vote, draws where as a steward they must commit or
 * reveal, recoveries where they are a guardian, a recovery started on their own key with the time left to cancel it,
 * their application's progress, and a renewal coming due. Also the live stream of new blocks (server-sent events)
 * that keeps every page up to date, and Atom feeds of the society and of a person for any feed reader.
 *
 * <p>It reads only the public read methods of {@link SocietyView} and its mechanisms, so a change in the core's inside
 * touches this one class. {@code GET /api/v1/inbox/{ref}}, {@code GET /api/v1/events},
 * {@code GET /api/v1/feeds/society.atom}, {@code GET /api/v1/feeds/people/{ref}.atom}.
 */
final class InboxRoutes {
    private static final long DAY_MS = 86_400_000L;
    /** A renewal is "due" this long before the citizenship lapses. */
    private static final long RENEWAL_NOTICE_MS = 30 * DAY_MS;
    private static final int FEED_ENTRIES = 30;

    private final Node node;
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final java.util.Map<SseClient, java.util.concurrent.locks.ReentrantLock> locks =
            new java.util.concurrent.ConcurrentHashMap<>();

    InboxRoutes(Node node) {
        this.node = node;
        node.onHead(this::announce);
    }

    void register(Router router) {
        router.get("/inbox/{ref}", this::inbox);
        router.get("/events", new SseHandler(this::follow));
        router.get("/feeds/society.atom", this::societyFeed);
        router.get("/feeds/people/{ref}", this::personFeed);
    }

    // ---- the inbox ---------------------------------------------------------------------------------------------------

    private void inbox(Context ctx) {
        String ref = ctx.pathParam("ref");
        long now = node.config().clock().millis();
        json(ctx, node.read(s -> inbox(s, CitizenshipRoutes.resolve(s.registry(), ref), now)));
    }

    static ObjectNode inbox(SocietyView s, Person me, long now) {
        int n = me.number();
        ObjectNode o = Views.object().put("now", now).put("height", s.height());
        o.set("person", personRef(me).put("status", CitizenshipRoutes.standing(me, now)));
        ArrayNode items = o.putArray("items");

        for (Proposal p : s.governance().proposals()) {
            if (p.state() != Proposal.State.VOTING) {
                continue;
            }
            if (p.inElectorate(n) && !p.ballots().containsKey(n)) {
                items.add(proposalItem("vote", p));
            }
            if (contains(p.panel(), n) && !p.panelBallots().containsKey(n)) {
                items.add(proposalItem("panel-vote", p));
            }
        }
        for (ChallengeCase c : s.registry().challenges()) {
            int[] jury = c.jury();
            for (int i = 0; i < jury.length; i++) {
                if (jury[i] == n && c.outcomeAt(now) == ChallengeCase.Outcome.OPEN && c.vote(i) == null) {
                    ObjectNode item = Views.object().put("kind", "jury").put("challenge", c.id().hex())
                            .put("due", c.deadline()).put("grounds", c.grounds());
                    s.registry().byNumber(c.target()).ifPresent(t -> item.set("about", personRef(t)));
                    items.add(item);
                }
            }
        }
        for (Draw d : s.sortition().draws()) {
            if (d.drawn() || !contains(d.stewards(), n)) {
                continue;
            }
            if (now < d.commitUntil() && !d.commitments().containsKey(n)) {
                items.add(drawItem("steward-commit", d, d.commitUntil()));
            } else if (now >= d.commitUntil() && now < d.revealUntil() && d.commitments().containsKey(n)
                    && !d.secrets().containsKey(n)) {
                items.add(drawItem("steward-reveal", d, d.revealUntil()));
            }
        }
        long delay = s.parameters().get(CitizenshipParams.RECOVERY_DELAY_DAYS) * DAY_MS;
        for (Person p : s.registry().all()) {
            if (p.number() != n && p.recovering() && contains(p.guardians(), n)
                    && !contains(p.recoveryApprovals(), n)) {
                items.add(Views.object().put("kind", "guardian-recovery").put("since", p.recoveryStartedAt())
                        .put("approvals", p.recoveryApprovals().length).put("threshold", p.guardianThreshold())
                        .put("newKey", p.recoveryKey().did()).<ObjectNode>set("about", personRef(p)));
            }
        }
        if (me.recovering()) {
            items.add(Views.object().put("kind", "my-recovery").put("since", me.recoveryStartedAt())
                    .put("due", me.recoveryStartedAt() + delay).put("approvals", me.recoveryApprovals().length)
                    .put("threshold", me.guardianThreshold()).put("newKey", me.recoveryKey().did()));
        }
        if (me.status() == Status.APPLICANT) {
            ObjectNode item = Views.object().put("kind", "application").put("vouches", me.vouchers().length)
                    .put("required", s.parameters().get(CitizenshipParams.VOUCHES_REQUIRED))
                    .put("since", me.registeredAt());
            ArrayNode by = item.putArray("vouchedBy");
            for (int v : me.vouchers()) {
                s.registry().byNumber(v).ifPresent(p -> by.add(personRef(p)));
            }
            items.add(item);
        }
        if (me.status() == Status.CITIZEN && me.expiresAt() - now < RENEWAL_NOTICE_MS) {
            items.add(Views.object().put("kind", "renewal").put("due", me.expiresAt())
                    .put("lapsed", me.lapsed(now)));
        }
        return o;
    }

    private static ObjectNode proposalItem(String kind, Proposal p) {
        return Views.object().put("kind", kind).put("proposal", p.id().hex()).put("number", p.number())
                .put("title", p.title()).put("method", p.method().json()).put("due", p.closesAt());
    }

    private static ObjectNode drawItem(String kind, Draw d, long due) {
        return Views.object().put("kind", kind).put("draw", d.number()).put("drawId", d.id().hex())
                .put("purpose", d.purpose().json()).put("due", due);
    }

    private static ObjectNode personRef(Person p) {
        return Views.object().put("id", p.id().hex()).put("number", p.number()).put("name", p.name())
                .put("did", p.key().did());
    }

    private static boolean contains(int[] numbers, int n) {
        if (numbers == null) {
            return false;
        }
        for (int x : numbers) {
            if (x == n) {
                return true;
            }
        }
        return false;
    }

    // ---- live updates ---------------------------------------------------------------------------------------------

    private void follow(SseClient client) {
        clients.add(client);
        client.onClose(() -> {
            clients.remove(client);
            locks.remove(client);
        });
        send(client, headJson(node.head()));
        client.keepAlive();
    }

    /**
     * Called on the node's sequencer thread with each new head: the sending happens elsewhere (a virtual thread per
     * reader), so that a slow or stuck reader never holds up the next block. Events to one reader are written one at
     * a time; they may arrive out of order, and the browser keeps the highest height.
     */
    private void announce(Head h) {
        String data = headJson(h);
        for (SseClient c : clients) {
            Thread.startVirtualThread(() -> send(c, data));
        }
    }

    private void send(SseClient c, String data) {
        // a lock, not synchronized: a virtual thread blocked on a slow write must not pin its carrier (JDK 21)
        java.util.concurrent.locks.ReentrantLock lock = locks.computeIfAbsent(c,
                k -> new java.util.concurrent.locks.ReentrantLock());
        lock.lock();
        try {
            c.sendEvent("block", data);
        } catch (RuntimeException e) {
            clients.remove(c); // gone: its browser reconnects by itself
            locks.remove(c);
        } finally {
            lock.unlock();
        }
    }

    private static String headJson(Head h) {
        return Views.object().put("height", h.height()).put("treeSize", h.treeSize()).toString();
    }

    // ---- Atom feeds -------------------------------------------------------------------------------------------------

    /** One entry of a feed. */
    private record Entry(String id, String title, long updated, String link, String summary) {
    }

    private void societyFeed(Context ctx) {
        String base = base(ctx);
        String[] head = new String[3];
        List<Entry> entries = node.read(s -> {
            head[0] = s.name();
            head[1] = s.id().hex();
            head[2] = s.genesis().purpose();
            List<Entry> out = new ArrayList<>();
            for (Proposal p : s.governance().proposals()) {
                long updated = Math.max(p.createdAt(), Math.max(p.openedAt(), p.closedAt()));
                out.add(new Entry("urn:phyle:" + head[1] + ":proposal:" + p.id().hex(),
                        "Proposal #" + p.number() + " (" + p.state().json() + "): " + p.title(), updated,
                        base + "proposals#proposal=" + p.id().hex(), p.text()));
            }
            for (ChallengeCase c : s.registry().challenges()) {
                String about = s.registry().byNumber(c.target()).map(Person::name).orElse("#" + c.target());
                out.add(new Entry("urn:phyle:" + head[1] + ":challenge:" + c.id().hex(), "Challenge of " + about
                        + " (" + c.outcomeAt(s.time()).json() + ")", Math.max(c.openedAt(),
                        c.resolvedAt(s.time())), base + "citizens#challenge=" + c.id().hex(), c.reason()));
            }
            List<Person> people = new ArrayList<>(s.registry().all());
            people.sort(Comparator.comparingLong(Person::registeredAt).reversed());
            for (Person p : people.subList(0, Math.min(FEED_ENTRIES, people.size()))) {
                out.add(new Entry("urn:phyle:" + head[1] + ":person:" + p.id().hex(), p.name() + " joined as "
                        + p.status().json(), p.registeredAt(), base + "citizens#person=" + p.number(), null));
            }
            return out;
        });
        atom(ctx, "urn:phyle:" + head[1], head[0], head[2], base, base + "api/v1/feeds/society.atom", entries);
    }

    private void personFeed(Context ctx) {
        String ref = ctx.pathParam("ref");
        if (!ref.endsWith(".atom")) {
            throw new org.phyle.core.Rejection(org.phyle.node.NodeCode.NOT_FOUND, "a person's feed ends in .atom");
        }
        String who = ref.substring(0, ref.length() - ".atom".length());
        String base = base(ctx);
        long now = node.config().clock().millis();
        Object[] found = node.read(s -> {
            Person p = CitizenshipRoutes.resolve(s.registry(), who);
            return new Object[] {p.name(), p.id().hex(), p.number(), p.history(), inbox(s, p, now), s.id().hex()};
        });
        String name = (String) found[0];
        String id = (String) found[1];
        int number = (Integer) found[2];
        long[] leaves = (long[]) found[3];
        ObjectNode needs = (ObjectNode) found[4];
        List<Entry> entries = new ArrayList<>();
        for (JsonNode item : needs.get("items")) {
            entries.add(new Entry("urn:phyle:" + found[5] + ":needs:" + id + ":" + item.get("kind").asText() + ":"
                    + item.path("proposal").asText(item.path("challenge").asText(item.path("drawId").asText(""))),
                    "Needs you: " + needsTitle(item), now, base + "inbox", null));
        }
        for (int i = leaves.length - 1; i >= Math.max(0, leaves.length - FEED_ENTRIES); i--) {
            ObjectNode e = Views.logEntry(node, leaves[i]);
            String type = e.get("type").asText();
            String meaning = node.read(s -> {
                TxType t = org.phyle.core.Catalog.TX_TYPES.get(type);
                return t == null ? type : t.meaning();
            });
            entries.add(new Entry("urn:phyle:tx:" + e.get("txId").asText(), type + ": " + meaning,
                    e.get("time").asLong(), base + "ledger#tx=" + e.get("txId").asText(), e.get("body").toString()));
        }
        atom(ctx, "urn:phyle:" + found[5] + ":person:" + id, name, "What needs " + name + ", and their record",
                base + "citizens#person=" + number, base + "api/v1/feeds/people/" + who + ".atom", entries);
    }

    private static String needsTitle(JsonNode item) {
        return switch (item.get("kind").asText()) {
            case "vote" -> "a vote is open: " + item.get("title").asText();
            case "panel-vote" -> "the outside panel votes: " + item.get("title").asText();
            case "jury" -> "jury duty on a challenge";
            case "steward-commit" -> "commit a secret to draw #" + item.get("draw").asInt();
            case "steward-reveal" -> "reveal your secret for draw #" + item.get("draw").asInt();
            case "guardian-recovery" -> item.get("about").get("name").asText() + " asks to recover their key";
            case "my-recovery" -> "a recovery of your citizenship to a new key is under way";
            case "application" -> "your application: " + item.get("vouches").asInt() + " of "
                    + item.get("required").asInt() + " vouches";
            case "renewal" -> "renew your citizenship";
            default -> item.get("kind").asText();
        };
    }

    /** The node's own address as the browser reached it, for the feeds' absolute links. */
    private static String base(Context ctx) {
        String host = ctx.host() == null ? "localhost" : ctx.host();
        return ctx.scheme() + "://" + host + "/";
    }

    private static void atom(Context ctx, String id, String title, String subtitle, String alternate, String self,
                             List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::updated).reversed().thenComparing(Entry::id));
        List<Entry> shown = sorted.subList(0, Math.min(sorted.size(), 3 * FEED_ENTRIES));
        long updated = shown.isEmpty() ? 0 : shown.get(0).updated();
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        x.append("  <id>").append(xml(id)).append("</id>\n");
        x.append("  <title>").append(xml(title)).append("</title>\n");
        if (subtitle != null) {
            x.append("  <subtitle>").append(xml(subtitle)).append("</subtitle>\n");
        }
        x.append("  <updated>").append(Instant.ofEpochMilli(updated)).append("</updated>\n");
        x.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(alternate)).append("\"/>\n");
        x.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(xml(self)).append("\"/>\n");
        x.append("  <author><name>").append(xml(title)).append("</name></author>\n");
        for (Entry e : shown) {
            x.append("  <entry>\n    <id>").append(xml(e.id())).append("</id>\n");
            x.append("    <title>").append(xml(e.title())).append("</title>\n");
            x.append("    <updated>").append(Instant.ofEpochMilli(e.updated())).append("</updated>\n");
            x.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(e.link())).append("\"/>\n");
            if (e.summary() != null && !e.summary().isEmpty()) {
                x.append("    <summary>").append(xml(e.summary())).append("</summary>\n");
            }
            x.append("  </entry>\n");
        }
        x.append("</feed>\n");
        ctx.contentType("application/atom+xml; charset=utf-8").result(x.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Text made safe for XML content and attributes; characters XML 1.0 forbids are dropped. */
    static String xml(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000) {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }
}
