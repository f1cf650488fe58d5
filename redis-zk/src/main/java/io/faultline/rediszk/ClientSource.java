package io.faultline.rediszk;

import io.faultline.sut.client.ClientConfig;

/** Where the bundled system's clients connect: a cluster this test runs, or one that runs already. */
interface ClientSource {

    /** A configuration to refine (client id, read mode); asked when the first client connects. */
    ClientConfig.Builder clientConfig();
}
