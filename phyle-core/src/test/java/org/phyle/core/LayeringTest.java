package org.phyle.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of {@code docs/architecture.md}, checked against the sources: a mechanism package names (imports or
 * writes out) only the kernel and the mechanism packages below it, so no two mechanisms depend on each other in a
 * loop, and none names the society or its composition.
 */
class LayeringTest {
    /** The kernel: what every mechanism may use. */
    static final List<String> KERNEL = List.of("tx", "state", "proposals");

    /** The mechanism packages, bottom to top: each may read those before it. */
    static final List<String> LAYERS = List.of("notary", "charter", "citizenship", "sortition", "governance", "economy",
            "land", "canon", "discussion", "authority");

    /** Root classes that compose the mechanisms: no mechanism may name them. */
    static final List<String> COMPOSING = List.of("Society", "SocietyView", "Catalog", "Composition", "BlockBuilder",
            "GenesisTx");

    static final Path CORE = Path.of("src/main/java/org/phyle/core");
    static final Pattern NAMED = Pattern.compile("org\\.phyle\\.core\\.([a-z]+)\\.");
    static final Pattern ROOT_CLASS = Pattern.compile("org\\.phyle\\.core\\.([A-Z][A-Za-z]*)");

    @Test
    void everyPackageIsInTheLayering() throws IOException {
        List<String> packages = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(CORE)) {
            dirs.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
        }
        List<String> known = new ArrayList<>(KERNEL);
        known.addAll(LAYERS);
        assertThat(known).as("add a new package to the layering here and in docs/architecture.md")
                .containsExactlyInAnyOrderElementsOf(packages);
    }

    @Test
    void mechanismsNameOnlyTheKernelAndTheMechanismsBelowThem() throws IOException {
        Map<String, TreeSet<String>> wrong = new TreeMap<>();
        for (String pkg : concat(KERNEL, LAYERS)) {
            int level = LAYERS.indexOf(pkg);
            for (Path file : javaFiles(CORE.resolve(pkg))) {
                String text = Files.readString(file);
                Matcher m = NAMED.matcher(text);
                while (m.find()) {
                    String used = m.group(1);
                    boolean allowed = used.equals(pkg) || KERNEL.contains(used) && !KERNEL.contains(pkg)
                            || KERNEL.contains(pkg) && kernelMayUse(pkg, used)
                            || LAYERS.contains(used) && level >= 0 && LAYERS.indexOf(used) < level;
                    if (!allowed) {
                        wrong.computeIfAbsent(file.getFileName().toString(), x -> new TreeSet<>()).add(used);
                    }
                }
                Matcher r = ROOT_CLASS.matcher(text);
                while (r.find()) {
                    if (COMPOSING.contains(r.group(1))) {
                        wrong.computeIfAbsent(file.getFileName().toString(), x -> new TreeSet<>()).add(r.group(1));
                    }
                }
            }
        }
        assertThat(wrong).as("names that run up or sideways in the layering").isEmpty();
    }

    /** Within the kernel: state and tx use nothing else of it; proposals may use tx (to read actions). */
    private static boolean kernelMayUse(String pkg, String used) {
        return pkg.equals("proposals") && used.equals("tx");
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
