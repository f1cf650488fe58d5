package io.faultline.rediszk;

import io.faultline.hosts.netns.NetnsRequirements;

/** What {@code --runtime netns} needs of this machine, said in one line naming the runtimes that work without it. */
final class NetnsRuntime {
    private NetnsRuntime() {
    }

    /** @throws IllegalArgumentException e.g. {@code --runtime netns needs root (this is uid 1000); runtimes that work without it: local, docker} */
    static void check() {
        NetnsRequirements.missing().ifPresent(reason -> {
            throw new IllegalArgumentException("--runtime netns " + reason + "; runtimes that work without it: local, docker");
        });
    }
}
