package org.phyle.crypto;

import java.util.Arrays;
import java.util.List;

/**
 * The body of a C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the log's origin, the tree size in
 * decimal, the root hash in base64, and optional extension lines, each ending in a newline.
 */
public record Checkpoint(String origin, long size, Hash root, List<String> extensions) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("tree size is negative");
        }
        extensions = List.copyOf(extensions);
        for (String e : extensions) {
            if (e.isEmpty() || e.contains("\n")) {
                throw new IllegalArgumentException("an extension is one non-empty line");
            }
        }
    }

    public Checkpoint(String origin, long size, Hash root) {
        this(origin, size, root, List.of());
    }

    /** The note text that gets signed. */
    public String body() {
        StringBuilder b = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(root.base64()).append('\n');
        for (String e : extensions) {
            b.append(e).append('\n');
        }
        return b.toString();
    }

    /** Parses a checkpoint body (the text of a signed note). */
    public static Checkpoint parse(String body) {
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint ends with a newline");
        }
        List<String> lines = Arrays.asList(body.substring(0, body.length() - 1).split("\n", -1));
        if (lines.size() < 3) {
            throw new IllegalArgumentException("a checkpoint has origin, size and root lines");
        }
        String sizeLine = lines.get(1);
        if (!sizeLine.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("checkpoint tree size is not a decimal number: " + sizeLine);
        }
        return new Checkpoint(lines.get(0), Long.parseLong(sizeLine), Hash.fromBase64(lines.get(2)),
                lines.subList(3, lines.size()));
    }

    /** Opens a signed checkpoint note, checking the verifier's signature and the origin. */
    public static Checkpoint open(String note, SignedNote.Verifier verifier, String expectedOrigin) {
        Checkpoint c = parse(SignedNote.open(note, verifier));
        if (expectedOrigin != null && !c.origin().equals(expectedOrigin)) {
            throw new IllegalArgumentException("checkpoint is for origin " + c.origin() + ", not " + expectedOrigin);
        }
        return c;
    }
}
