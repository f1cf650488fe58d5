package io.faultline.harness.cli;

import io.faultline.results.serve.StoreServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code faultline serve}: browse the store over HTTP, on 127.0.0.1 unless told otherwise; Ctrl-C stops it. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serves the store's runs and reports over HTTP.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "port (default ${DEFAULT-VALUE}; 0 for any free port)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--store", defaultValue = "store", description = "the store directory (default ${DEFAULT-VALUE})")
    Path store;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw new BadInputException("--port must be in 0..65535, was " + port);
        if (!Files.isDirectory(store)) {
            throw new BadInputException("no store at " + store.toAbsolutePath() + ": run a test first, or give --store DIR");
        }
        StoreServer server;
        try {
            server = StoreServer.start(store, new InetSocketAddress(bind, port));
        } catch (RuntimeException e) {
            throw new BadInputException("cannot serve on " + bind + ":" + port + ": " + e.getMessage()
                    + " (is the port taken? choose another with --port)", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "faultline-serve-stop"));
        spec.commandLine().getOut().println("serving " + store.toAbsolutePath() + " at " + server.uri() + " (Ctrl-C stops)");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
