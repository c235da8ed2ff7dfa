package org.phyle.core.charter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.phyle.core.GenesisTx;
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

    private final String name;
    private String purpose;
    private final TreeMap<String, String> articles = new TreeMap<>();
    private Parameters parameters;
    private final List<Version> versions = new ArrayList<>();

    /** One version of the charter: its number and hash, when and by what it came into force. */
    public record Version(int number, Hash hash, long since, Hash enactedBy, String summary) {
    }

    private Charter(String name, String purpose, Parameters parameters) {
        this.name = name;
        this.purpose = purpose;
        this.parameters = parameters;
    }

    /** The founding charter: version 1, enacted by the genesis. */
    public static Charter founding(GenesisTx genesis, Hash genesisId, long time) {
        Charter c = new Charter(genesis.name(), genesis.purpose(), genesis.parameters());
        c.versions.add(new Version(1, c.computeHash(1), time, genesisId, "founding charter"));
        return c;
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

    public List<Version> versions() {
        return List.copyOf(versions);
    }

    // ---- amendments (by adopted proposals) ----------------------------------------------------------------------

    /** Checks a change of parameters without making it; throws a Rejection naming the bad one. */
    public static Parameters checkParameters(Parameters current, Map<String, String> changes) {
        return current.withText(changes);
    }

    /** A new version with some parameters changed. */
    public void amendParameters(Map<String, String> changes, long time, Hash enactedBy) {
        Parameters next = checkParameters(parameters, changes);
        parameters = next;
        newVersion(time, enactedBy, "parameters: " + String.join(", ", new TreeMap<>(changes).keySet()));
    }

    /** A new version with the purpose, or an article, rewritten (an empty article text repeals the article). */
    public void amendText(String target, String text, long time, Hash enactedBy) {
        checkTextTarget(target, text);
        if (target.equals("purpose")) {
            purpose = text;
        } else if (text.isEmpty()) {
            articles.remove(articleName(target));
        } else {
            articles.put(articleName(target), text);
        }
        newVersion(time, enactedBy, target);
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

    public void write(StateWriter w) {
        w.writeString(name);
        w.writeString(purpose);
        w.writeInt(articles.size());
        articles.forEach((k, v) -> {
            w.writeString(k);
            w.writeString(v);
        });
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

    public static Charter read(StateReader r) {
        String name = r.readString();
        String purpose = r.readString();
        TreeMap<String, String> articles = new TreeMap<>();
        int n = r.readCount();
        for (int i = 0; i < n; i++) {
            articles.put(r.readString(), r.readString());
        }
        Parameters parameters = Parameters.read(org.phyle.core.tx.Fields.of(StrictJson.parse(
                new ByteArrayInputStream(r.readBytes()).readAllBytes()), "parameters"));
        Charter c = new Charter(name, purpose, parameters);
        c.articles.putAll(articles);
        int versions = r.readCount();
        for (int i = 0; i < versions; i++) {
            c.versions.add(new Version(r.readInt(), r.readHash(), r.readLong(), r.readHash(), r.readString()));
        }
        return c;
    }
}
