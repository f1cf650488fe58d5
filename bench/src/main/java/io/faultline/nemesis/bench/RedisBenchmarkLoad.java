package io.faultline.nemesis.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The C load: Redis's own {@code redis-benchmark} ({@code -c CONNECTIONS -t set --csv}), one
 * event-loop thread, which costs far less CPU per operation than the Java load. Its request count
 * is sized from the duration asked for and the rate of the previous run.
 */
final class RedisBenchmarkLoad implements Load {

    private final String binary;
    private double lastRate = 100_000;

    private RedisBenchmarkLoad(String binary) {
        this.binary = binary;
    }

    /** The load over the first {@code redis-benchmark} on PATH, if there is one. */
    static Optional<RedisBenchmarkLoad> find() {
        return Executables.find("redis-benchmark").map(RedisBenchmarkLoad::new);
    }

    @Override
    public String name() {
        return "redis-benchmark";
    }

    @Override
    public Result run(InetSocketAddress address, int connections, int seconds) throws Exception {
        long requests = Math.max(20_000, (long) (lastRate * seconds));
        ProcessBuilder builder = new ProcessBuilder(binary, "-h", address.getHostString(),
                "-p", String.valueOf(address.getPort()), "-c", String.valueOf(connections),
                "-n", String.valueOf(requests), "-t", "set", "--csv")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = ChildProcesses.start(builder);
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
        } finally {
            ChildProcesses.stop(process);
        }
        double rate = requestsPerSecond(output).orElseThrow(() -> new IOException(
                binary + " against " + address + " printed no SET figure (exit " + process.exitValue() + "): " + output));
        lastRate = rate;
        return new Result(rate, requests);
    }

    /**
     * The {@code rps} of the {@code SET} row of {@code redis-benchmark --csv} output, e.g.
     * {@code "SET","198412.69","0.134",...}.
     */
    static Optional<Double> requestsPerSecond(String csv) {
        for (String line : csv.split("\\R")) {
            List<String> cells = List.of(line.split(","));
            if (cells.size() >= 2 && cells.get(0).equals("\"SET\"")) {
                try {
                    return Optional.of(Double.parseDouble(cells.get(1).replace("\"", "")));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
