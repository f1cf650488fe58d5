package io.faultline.sut.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The labels on every container and network the docker runtime creates, and the clean-up that
 * does without Testcontainers' reaper: {@link #sweep} removes what a dead harness left behind,
 * i.e. labelled resources whose owning JVM (pid and start time, both in the labels) is gone. It
 * never touches resources of a live JVM, nor unlabelled ones.
 */
public final class DockerLeftovers {
    private static final Logger LOG = LoggerFactory.getLogger(DockerLeftovers.class);

    /** The run id of the cluster that created the resource. */
    public static final String RUN_LABEL = "faultline.run";
    /** The pid of the JVM that created it. */
    public static final String OWNER_PID_LABEL = "faultline.owner.pid";
    /** That JVM's start time, epoch milliseconds (guards against a reused pid). */
    public static final String OWNER_START_LABEL = "faultline.owner.start";

    private DockerLeftovers() {
    }

    /** The labels of a resource of run {@code runId} owned by this JVM. */
    public static Map<String, String> labels(String runId) {
        ProcessHandle self = ProcessHandle.current();
        return Map.of(RUN_LABEL, runId, OWNER_PID_LABEL, Long.toString(self.pid()),
                OWNER_START_LABEL, Long.toString(startMillis(self).orElse(0L)));
    }

    /** Names of the labelled containers (any state) and networks of run {@code runId}, or of every run if null. */
    public static List<String> remaining(DockerClient docker, String runId) {
        String filter = runId == null ? RUN_LABEL : RUN_LABEL + "=" + runId;
        List<String> names = new ArrayList<>();
        for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(filter)).exec()) {
            names.add("container " + name(c));
        }
        for (Network n : docker.listNetworksCmd().withFilter("label", List.of(filter)).exec()) {
            names.add("network " + n.getName());
        }
        return names;
    }

    /** Names of the labelled containers (any state) and networks created by this JVM. */
    public static List<String> ownedByThisJvm(DockerClient docker) {
        String filter = OWNER_PID_LABEL + "=" + ProcessHandle.current().pid();
        List<String> names = new ArrayList<>();
        for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(filter)).exec()) {
            names.add("container " + name(c));
        }
        for (Network n : docker.listNetworksCmd().withFilter("label", List.of(filter)).exec()) {
            names.add("network " + n.getName());
        }
        return names;
    }

    /**
     * Removes the labelled containers, then networks, whose owning JVM is dead. Returns what it
     * removed; failures are logged, not thrown (a sweep must not stop a start).
     */
    public static List<String> sweep(DockerClient docker) {
        List<String> removed = new ArrayList<>();
        for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(RUN_LABEL)).exec()) {
            if (!ownerAlive(c.getLabels())) {
                try {
                    if ("paused".equals(c.getState())) {
                        docker.unpauseContainerCmd(c.getId()).exec();
                    }
                    docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
                    removed.add("container " + name(c));
                } catch (NotFoundException gone) {
                    // removed meanwhile
                } catch (DockerException e) {
                    LOG.warn("could not remove leftover container {}: {}", name(c), e.getMessage());
                }
            }
        }
        for (Network n : docker.listNetworksCmd().withFilter("label", List.of(RUN_LABEL)).exec()) {
            if (!ownerAlive(n.getLabels())) {
                try {
                    docker.removeNetworkCmd(n.getId()).exec();
                    removed.add("network " + n.getName());
                } catch (NotFoundException gone) {
                    // removed meanwhile
                } catch (DockerException e) {
                    LOG.warn("could not remove leftover network {}: {}", n.getName(), e.getMessage());
                }
            }
        }
        return removed;
    }

    /** True if the JVM named by the labels still runs (same pid, same start time). */
    static boolean ownerAlive(Map<String, String> labels) {
        try {
            long pid = Long.parseLong(labels.getOrDefault(OWNER_PID_LABEL, "-1"));
            long start = Long.parseLong(labels.getOrDefault(OWNER_START_LABEL, "0"));
            Optional<ProcessHandle> owner = ProcessHandle.of(pid);
            return owner.isPresent() && owner.get().isAlive()
                    && startMillis(owner.get()).map(s -> s == start).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Optional<Long> startMillis(ProcessHandle p) {
        return p.info().startInstant().map(java.time.Instant::toEpochMilli);
    }

    private static String name(Container c) {
        String[] names = c.getNames();
        return names != null && names.length > 0 ? names[0].replaceFirst("^/", "") : c.getId().substring(0, 12);
    }
}
