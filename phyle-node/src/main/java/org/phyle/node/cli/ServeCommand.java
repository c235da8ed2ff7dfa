package org.phyle.node.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.phyle.node.Node;
import org.phyle.node.NodeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Run the node of a society: sequence transactions, keep the ledger, serve the API and web page.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "data", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--block-txs", defaultValue = "5000", description = "Cut a block when this many transactions wait (default: ${DEFAULT-VALUE}).")
    int blockTxs;

    @Option(names = "--block-ms", defaultValue = "250", description = "Otherwise at most this many ms after the last block (default: ${DEFAULT-VALUE}).")
    long blockMs;

    @Override
    public Integer call() throws InterruptedException {
        Node node = Node.open(NodeConfig.defaults(data).withBlocks(blockTxs, blockMs));
        return NodeRunner.serve(node, host, port);
    }
}
