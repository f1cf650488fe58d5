package io.faultline.core.node;

import java.util.Map;

/**
 * A running system that clients in another process can join: what they need to connect (e.g. a
 * ZooKeeper connect string), as strings for the state file of {@code faultline cluster up}. The
 * system's {@link io.faultline.core.system.TestSystem#attach} reads it back.
 */
public interface Attachable {

    /** What a client needs to connect; call after setup. */
    Map<String, String> attachment();
}
