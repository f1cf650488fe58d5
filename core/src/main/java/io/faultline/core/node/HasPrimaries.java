package io.faultline.core.node;

import java.util.Set;

/** A system under test that can say which nodes are primaries (masters, leaders) right now. */
public interface HasPrimaries {

    /** The nodes that currently believe, or are believed, to be primaries; may be empty. */
    Set<String> primaries() throws Exception;
}
