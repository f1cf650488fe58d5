package io.faultline.nemesis.process;

import io.faultline.core.node.HasPrimaries;
import io.faultline.core.node.Killable;
import io.faultline.core.node.Pausable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** An in-memory cluster that records what was done to its nodes. */
public final class FakeCluster implements Killable, Pausable, HasPrimaries {

    public final List<String> events = new ArrayList<>();
    public final Set<String> down = new TreeSet<>();
    public final Set<String> paused = new TreeSet<>();
    public Set<String> primaries = Set.of();

    @Override
    public void kill(String node) {
        events.add("kill " + node);
        down.add(node);
    }

    @Override
    public void start(String node) {
        events.add("start " + node);
        down.remove(node);
    }

    @Override
    public void pause(String node) {
        events.add("pause " + node);
        paused.add(node);
    }

    @Override
    public void resume(String node) {
        events.add("resume " + node);
        paused.remove(node);
    }

    @Override
    public Set<String> primaries() {
        return primaries;
    }
}
