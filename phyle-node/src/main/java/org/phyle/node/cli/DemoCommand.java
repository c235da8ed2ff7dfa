package org.phyle.node.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.phyle.node.Node;
import org.phyle.node.NodeConfig;
import org.phyle.node.demo.DemoHints;
import org.phyle.node.demo.DemoSociety;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = {"Run a demo society on this machine, with its web page on http://localhost:8080/.",
        "The first run creates it in the data directory; later runs reuse it."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "demo-data", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        Node node;
        if (!DemoSociety.exists(data)) {
            System.out.println("Creating the demo society \"" + DemoSociety.NAME + "\" in " + data + ", with "
                    + DemoSociety.HISTORY_DAYS + " days of history ...");
            DemoSociety.Demo demo = DemoSociety.build(NodeConfig.defaults(data));
            DemoSociety.Seeded seeded = demo.seeded();
            System.out.println("Recorded " + seeded.transactions() + " transactions of its history: " + seeded.citizens()
                    + " citizens, e-residents, host residents, two challenges, a recovery, an exit, and "
                    + (seeded.finishedProposals().size() + seeded.openProposals().size() + 1)
                    + " proposals (four decided, four voting, one draft).");
            System.out.println("Everyone's keys are in " + data.resolve("keys") + " (people.json), to act as them.");
            node = demo.node();
        } else {
            System.out.println("Reusing the demo society in " + data + " (delete the directory to start over).");
            node = Node.open(NodeConfig.defaults(data));
        }
        String page = "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + port + "/";
        DemoHints.citizen(node, data).ifPresent(c -> System.out.println(DemoHints.howTo(c, page)));
        DemoHints.land(data, page).ifPresent(System.out::println);
        return NodeRunner.serve(node, host, port);
    }
}
