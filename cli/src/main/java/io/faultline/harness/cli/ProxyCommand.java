package io.faultline.harness.cli;

import io.faultline.nemesis.proxy.FaultProxyServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code faultline proxy}: the fault proxy standalone, speaking the Toxiproxy HTTP API. */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = "Runs the fault proxy standalone; drive it with toxiproxy-java, toxiproxy-cli or curl.")
final class ProxyCommand implements Callable<Integer> {

    @Option(names = "--listen", defaultValue = "127.0.0.1:8474", description = "the HTTP API's address (default ${DEFAULT-VALUE})")
    String listen;

    @Option(names = "--loops", description = "event-loop threads (default: the proxy's own)")
    Integer loops;

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>(List.of("--listen", listen));
        if (loops != null) args.addAll(List.of("--loops", loops.toString()));
        FaultProxyServer.main(args.toArray(String[]::new));
        return 0;
    }
}
