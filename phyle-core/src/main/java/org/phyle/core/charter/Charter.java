package org.phyle.core.charter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.phyle.core.Founding;
import org.phyle.core.ParameterRules;
import org.phyle.core.ParameterSpec;
import org.phyle.core.Reads;
import org.phyle.core.Parameters;
import org.phyle.core.Rejection;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.StrictJson;

/**
 * The society's charter: its name, its purpose, its articles, and every parameter the mechanisms read. Versioned:
 * each version is a JSON document whose SHA-256 (RFC 8785 form) is the hash citizens consent to, and every version
 * is kept. Version 1 is the founding charter of the genesis; later versions come from adopted proposals.
 */
public final class Charter {
    public static final int MAX_ARTICLE_NAME = 100;
    public static final int MAX_ARTICLE_TEXT = 20_000;

    private String name;
    private String purpose;
    private final TreeMap<String, String> articles = new TreeMap<>();
    /** Targets ("purpose", "article:NAME") that only an entrenched amendment may change. */
    private final TreeSet<String> entrenched = new TreeSet<>();
    private Parameters parameters;
    private final List<Version> versions = new ArrayList<>();

    /** One version of the charter: its number and hash, when and by what it came into force. */
    public record Version(int number, Hash hash, long since, Hash enactedBy, String summary) {
    }

    Charter() {
    }

    /** The founding charter: version 1, enacted by the genesis. */
    void found(Founding f) {
        name = f.name();
        purpose = f.purpose();
        parameters = f.parameters();
        versions.add(new Version(1, computeHash(1), f.time(), f.society(), "founding charter"));
    }

    /** The hash of the founding charter a genesis makes: what the founder consents to by founding. */
    public static Hash foundingHash(Founding f) {
        Charter c = new Charter();
        c.found(f);
        return c.hash();
    }

    /** The document of the version in force, whose hash consents name. */
    public ObjectNode document() {
        return document(version());
    }

    private ObjectNode document(int version) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("name", name);
        d.put("purpose", purpose);
        ObjectNode a = d.putObject("articles");
        articles.forEach(a::put);
        entrenched.forEach(d.putArray("entrenched")::add);
        d.set("parameters", parameters.toJson());
        d.put("version", version);
        return d;
    }

    private Hash computeHash(int version) {
        return Hash.sha256(Jcs.canonicalize(document(version)));
    }

    public int version() {
        return versions.get(versions.size() - 1).number();
    }

    public Hash hash() {
        return versions.get(versions.size() - 1).hash();
    }

    public String name() {
        return name;
    }

    public String purpose() {
        return purpose;
    }

    public SortedMap<String, String> articles() {
        return Collections.unmodifiableSortedMap(articles);
    }

    public Parameters parameters() {
        return parameters;
    }

    /** True if the target ("purpose" or "article:NAME") is entrenched. */
    public boolean isEntrenched(String target) {
        return entrenched.contains(target);
    }

    public SortedSet<String> entrenched() {
        return Collections.unmodifiableSortedSet(entrenched);
    }

    public List<Version> versions() {
        return List.copyOf(versions);
    }

    // ---- amendments (by adopted proposals) ----------------------------------------------------------------------

    /**
     * Checks a change of parameters without making it, in the given stage; returns the parameters it would make or
     * throws a Rejection naming the bad one. The stage thresholds must stay in order; before the Sovereign stage the
     * schedule may only move toward the community: thresholds lower or equal, a backstop set or shortened.
     */
    public static Parameters checkParameters(Parameters current, Map<String, String> changes, Stage stage,
                                             Reads reads) {
        Parameters next = current.withText(changes);
        reads.view(ParameterRules.class).check(next);
        if (stage != Stage.SOVEREIGN) {
            for (Stage s : Stage.values()) {
                if (s.thresholdSpec() != null && s.threshold(next) > s.threshold(current)) {
                    throw new Rejection(CharterCode.DELAYS_HANDOVER, "raising " + s.thresholdSpec().name() + " from "
                            + s.threshold(current) + " to " + s.threshold(next) + " would delay the handover");
                }
            }
            long before = current.get(CharterParams.BACKSTOP_YEARS);
            long after = next.get(CharterParams.BACKSTOP_YEARS);
            if (before > 0 && (after == 0 || after > before)) {
                throw new Rejection(CharterCode.DELAYS_HANDOVER, "changing " + CharterParams.BACKSTOP_YEARS.name()
                        + " from " + before + " to " + after + " would delay the handover");
            }
        }
        return next;
    }

    /** Throws unless the stages' thresholds are in order (a later stage never begins below an earlier one). */
    public static void checkScheduleOrder(Parameters p) {
        Stage previous = null;
        for (Stage s : Stage.values()) {
            if (previous != null && previous != Stage.FOUNDING && s.threshold(p) < previous.threshold(p)) {
                throw new Rejection(CharterCode.INVALID_AMENDMENT, "the " + s.json() + " stage cannot begin before the "
                        + previous.json() + " stage: " + s.thresholdSpec().name() + " " + s.threshold(p)
                        + " is below " + previous.thresholdSpec().name() + " " + previous.threshold(p));
            }
            previous = s;
        }
    }

    /** True if the changes touch an entrenched parameter (the schedule, or the amendment thresholds). */
    public static boolean touchesEntrenched(Map<String, String> changes) {
        return CharterParams.ENTRENCHED.stream().anyMatch(spec -> changes.containsKey(spec.name()));
    }

    /** True if the changes touch the handover schedule and nothing else. */
    public static boolean onlySchedule(Map<String, String> changes) {
        return changes.keySet().stream().allMatch(n -> CharterParams.SCHEDULE.stream().anyMatch(s -> s.name().equals(n)));
    }

    /** A new version with some parameters changed. */
    void amendParameters(Map<String, String> changes, Stage stage, long time, Hash enactedBy, Reads reads) {
        parameters = checkParameters(parameters, changes, stage, reads);
        newVersion(time, enactedBy, "parameters: " + String.join(", ", new TreeMap<>(changes).keySet()));
    }

    /**
     * A new version with the purpose, or an article, rewritten (an empty article text repeals the article, and its
     * entrenchment); {@code entrench}, if given, entrenches the target or releases it.
     */
    void amendText(String target, String text, Optional<Boolean> entrench, long time, Hash enactedBy) {
        checkTextTarget(target, text);
        if (target.equals("purpose")) {
            purpose = text;
        } else if (text.isEmpty()) {
            articles.remove(articleName(target));
            entrenched.remove(target);
        } else {
            articles.put(articleName(target), text);
        }
        if (entrench.isPresent() && !(text.isEmpty() && !target.equals("purpose"))) {
            if (entrench.get()) {
                entrenched.add(target);
            } else {
                entrenched.remove(target);
            }
        }
        newVersion(time, enactedBy, target + (entrench.isPresent() ? (entrench.get() ? " (entrenched)"
                : " (no longer entrenched)") : ""));
    }

    /** The targets a text amendment may name: "purpose" or "article:NAME". */
    public static void checkTextTarget(String target, String text) {
        if (target.equals("purpose")) {
            if (text.isEmpty()) {
                throw new Rejection(CharterCode.INVALID_AMENDMENT, "the purpose cannot be empty");
            }
            return;
        }
        if (!target.startsWith("article:") || target.length() == "article:".length()
                || target.length() > "article:".length() + MAX_ARTICLE_NAME) {
            throw new Rejection(CharterCode.INVALID_AMENDMENT, "a text amendment targets \"purpose\" or "
                    + "\"article:NAME\", not \"" + target + "\"");
        }
    }

    private static String articleName(String target) {
        return target.substring("article:".length());
    }

    private void newVersion(long time, Hash enactedBy, String summary) {
        int next = version() + 1;
        versions.add(new Version(next, computeHash(next), time, enactedBy, summary));
    }

    // ---- snapshot ---------------------------------------------------------------------------------------------

    void write(StateWriter w) {
        w.writeString(name);
        w.writeString(purpose);
        w.writeInt(articles.size());
        articles.forEach((k, v) -> {
            w.writeString(k);
            w.writeString(v);
        });
        w.writeInt(entrenched.size());
        entrenched.forEach(w::writeString);
        w.writeBytes(Jcs.canonicalize(parameters.toJson()));
        w.writeInt(versions.size());
        for (Version v : versions) {
            w.writeInt(v.number());
            w.writeHash(v.hash());
            w.writeLong(v.since());
            w.writeHash(v.enactedBy());
            w.writeString(v.summary());
        }
    }

    void read(StateReader r, List<ParameterSpec> specs) {
        name = r.readString();
        purpose = r.readString();
        int n = r.readCount();
        for (int i = 0; i < n; i++) {
            articles.put(r.readString(), r.readString());
        }
        int e = r.readCount();
        for (int i = 0; i < e; i++) {
            entrenched.add(r.readString());
        }
        parameters = Parameters.read(org.phyle.core.tx.Fields.of(StrictJson.parse(
                new ByteArrayInputStream(r.readBytes()).readAllBytes()), "parameters"), specs);
        int count = r.readCount();
        for (int i = 0; i < count; i++) {
            versions.add(new Version(r.readInt(), r.readHash(), r.readLong(), r.readHash(), r.readString()));
        }
    }
}
