package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.phyle.crypto.Hash;
import org.phyle.crypto.StrictJson;
import org.phyle.node.client.NodeClient;

/** Reading what users pass on the command line. */
final class Inputs {
    private Inputs() {
    }

    /** Text given inline, or {@code @file} for a file's contents, or {@code -} for standard input. */
    static byte[] textOrFile(String value) {
        try {
            if (value.equals("-")) {
                return System.in.readAllBytes();
            }
            if (value.startsWith("@")) {
                return Files.readAllBytes(Path.of(value.substring(1)));
            }
            return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + value + ": " + e.getMessage(), e);
        }
    }

    static JsonNode json(String value, String what) {
        try {
            return StrictJson.parse(textOrFile(value));
        } catch (StrictJson.MalformedJsonException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getMessage());
        }
    }

    static byte[] file(Path path) {
        try {
            return path.toString().equals("-") ? System.in.readAllBytes() : Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The society id: given, or asked of the node. */
    static Hash society(String societyHex, String node) {
        if (societyHex != null) {
            if (!societyHex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("--society is 64 lowercase hex digits (the genesis hash)");
            }
            return Hash.fromHex(societyHex);
        }
        if (node == null) {
            throw new IllegalArgumentException("give --society ID or --node URL to name the society");
        }
        return Hash.fromHex(new NodeClient(node).society().get("id").asText());
    }

    static void write(Path out, String text) {
        try {
            Files.writeString(out, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
