package io.faultline.harness.plan;

import io.faultline.harness.runner.TestSpec;
import io.faultline.nemesis.link.LinkTable;
import io.faultline.nemesis.proxy.FaultProxyServer;

/**
 * A test ready to run, with the fault proxy its links go through. Close it after the run (the
 * runner has then stopped the cluster): the proxies and their server go last.
 */
public record PlannedTest(TestSpec spec, FaultProxyServer proxy, LinkTable links) implements AutoCloseable {

    @Override
    public void close() {
        try {
            links.close();
        } finally {
            proxy.close();
        }
    }
}
