package io.faultline.core.net;

/** The kinds of network fault a {@link Net} makes: what a runtime may be unable to do ({@link io.faultline.core.node.HasNet#cannot}). */
public enum NetFault {
    /** {@link Net#partition}: links cut by a grudge. */
    PARTITION,
    /** {@link Net#slow}: latency on every link. */
    SLOW,
    /** {@link Net#flaky}: loss on every link. */
    FLAKY,
    /** {@link Net#bandwidth}: a rate limit on every link (or host). */
    BANDWIDTH
}
