package io.faultline.nemesis.network;

import io.faultline.core.nemesis.Nemesis;
import io.faultline.core.net.Net;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Degraded links over a {@link Net}: latency ({@code start-slow}/{@code stop-slow}), loss
 * ({@code start-flaky}/{@code stop-flaky}) or a bandwidth limit ({@code start-bandwidth}/{@code stop-bandwidth}).
 *
 * <p>A numeric value on the start op overrides the configured mean latency (ms), probability or rate
 * (kbit/s). Stopping calls {@link Net#fast()}, which removes latency, loss and bandwidth limits together
 * (partitions stay).
 * Completions are {@code info} with a map of what was applied, or {@code fast}. Used from the single
 * nemesis thread; teardown calls {@code fast()}.
 */
public final class LinkNemesis implements Nemesis {

    private final Net net;
    private final String startF;
    private final String stopF;
    private final Duration mean;
    private final Duration jitter;
    private final double probability;
    private final long kbitPerSecond;

    private LinkNemesis(Net net, String startF, String stopF, Duration mean, Duration jitter, double probability) {
        this(net, startF, stopF, mean, jitter, probability, 0);
    }

    private LinkNemesis(Net net, String startF, String stopF, Duration mean, Duration jitter, double probability, long kbitPerSecond) {
        this.net = Objects.requireNonNull(net, "net");
        this.startF = startF;
        this.stopF = stopF;
        this.mean = mean;
        this.jitter = jitter;
        this.probability = probability;
        this.kbitPerSecond = kbitPerSecond;
    }

    /** {@code start-slow}/{@code stop-slow}: latency with the mean and jitter on every link. */
    public static LinkNemesis latency(Net net, Duration mean, Duration jitter) {
        if (mean.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("latency must be >= 0, was mean " + mean + ", jitter " + jitter);
        }
        return new LinkNemesis(net, "start-slow", "stop-slow", mean, jitter, 0);
    }

    /** {@code start-flaky}/{@code stop-flaky}: each connection is cut with the probability. */
    public static LinkNemesis flaky(Net net, double probability) {
        requireProbability(probability);
        return new LinkNemesis(net, "start-flaky", "stop-flaky", null, null, probability);
    }

    /** {@code start-bandwidth}/{@code stop-bandwidth}: every link (or host) limited to {@code kbitPerSecond}. */
    public static LinkNemesis bandwidth(Net net, long kbitPerSecond) {
        if (kbitPerSecond < 1) throw new IllegalArgumentException("a bandwidth limit is at least 1 kbit/s, was " + kbitPerSecond);
        return new LinkNemesis(net, "start-bandwidth", "stop-bandwidth", null, null, 0, kbitPerSecond);
    }

    @Override
    public Set<String> fs() {
        return Set.of(startF, stopF);
    }

    @Override
    public Op invoke(Op op) throws Exception {
        if (op.f().equals(stopF)) {
            net.fast();
            return op.complete(OpType.INFO, "fast");
        }
        if (!op.f().equals(startF)) {
            throw new IllegalArgumentException("this nemesis handles " + fs() + ", not " + op.f());
        }
        if (op.value() != null && !(op.value() instanceof Number)) {
            throw new IllegalArgumentException("bad " + startF + " value " + op.value() + " (expected null or a number)");
        }
        Number override = (Number) op.value();
        if (mean != null) {
            Duration m = override == null ? mean : Duration.ofMillis(override.longValue());
            net.slow(m, jitter);
            return op.complete(OpType.INFO, Map.of("mean-ms", m.toMillis(), "jitter-ms", jitter.toMillis()));
        }
        if (kbitPerSecond > 0) {
            long rate = override == null ? kbitPerSecond : override.longValue();
            if (rate < 1) throw new IllegalArgumentException("a bandwidth limit is at least 1 kbit/s, was " + rate);
            net.bandwidth(rate);
            return op.complete(OpType.INFO, Map.of("kbit-per-second", rate));
        }
        double p = override == null ? probability : override.doubleValue();
        requireProbability(p);
        net.flaky(p);
        return op.complete(OpType.INFO, Map.of("probability", p));
    }

    @Override
    public void teardown() throws Exception {
        net.fast();
    }

    private static void requireProbability(double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("probability must be within 0..1, was " + p);
    }
}
