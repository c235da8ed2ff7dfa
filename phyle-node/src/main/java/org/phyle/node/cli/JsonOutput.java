package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Option;

/** {@code --json}: print the node's answer as it is, for machines, instead of words and tables for people. */
final class JsonOutput {
    @Option(names = "--json", description = "Print the node's answer as JSON (for scripts) instead of words.")
    boolean json;

    void print(JsonNode answer) {
        System.out.println(answer.toPrettyString());
    }
}
