package io.faultline.nemesis.process;

import io.faultline.core.nemesis.Nemesis;
import io.faultline.core.node.HasPrimaries;
import io.faultline.core.node.Killable;
import io.faultline.core.node.Pausable;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Process faults: {@code kill}/{@code start} over a {@link Killable}, or {@code pause}/{@code resume}
 * over a {@link Pausable}.
 *
 * <p>The fault op's value chooses the nodes: {@code null} (the nemesis's default target), a target
 * name ({@code one}, {@code minority}, {@code majority}, {@code all}, {@code primaries}), or a list
 * of node names. The undo op's value: {@code null} (every node this nemesis faulted) or the same
 * forms. Completions are {@code info} with the sorted list of nodes acted on.
 *
 * <p>Used from the single nemesis thread. Teardown restarts or resumes every node.
 */
public final class ProcessNemesis implements Nemesis {

    /** What the nemesis does to one node. */
    @FunctionalInterface
    public interface NodeAction {
        void apply(String node) throws Exception;
    }

    private final String faultF;
    private final String undoF;
    private final NodeAction fault;
    private final NodeAction undo;
    private final List<String> nodes;
    private final HasPrimaries primaries;
    private final Target defaultTarget;
    private final Random random;
    private final Set<String> faulted = new TreeSet<>();

    private ProcessNemesis(String faultF, String undoF, NodeAction fault, NodeAction undo, Collection<String> nodes,
                           HasPrimaries primaries, Target defaultTarget, Random random) {
        this.faultF = faultF;
        this.undoF = undoF;
        this.fault = fault;
        this.undo = undo;
        this.nodes = List.copyOf(new TreeSet<>(Objects.requireNonNull(nodes, "nodes")));
        this.primaries = primaries;
        this.defaultTarget = Objects.requireNonNull(defaultTarget, "defaultTarget");
        this.random = Objects.requireNonNull(random, "random");
        if (this.nodes.isEmpty()) throw new IllegalArgumentException("a " + faultF + " nemesis needs nodes");
    }

    /**
     * {@code kill} (SIGKILL) and {@code start}.
     *
     * @param primaries may be null when the system cannot name its primaries
     */
    public static ProcessNemesis kill(Killable db, Collection<String> nodes, HasPrimaries primaries,
                                      Target defaultTarget, Random random) {
        Objects.requireNonNull(db, "db");
        return new ProcessNemesis("kill", "start", db::kill, db::start, nodes, primaries, defaultTarget, random);
    }

    /**
     * {@code pause} (SIGSTOP) and {@code resume}.
     *
     * @param primaries may be null when the system cannot name its primaries
     */
    public static ProcessNemesis pause(Pausable db, Collection<String> nodes, HasPrimaries primaries,
                                       Target defaultTarget, Random random) {
        Objects.requireNonNull(db, "db");
        return new ProcessNemesis("pause", "resume", db::pause, db::resume, nodes, primaries, defaultTarget, random);
    }

    @Override
    public Set<String> fs() {
        return Set.of(faultF, undoF);
    }

    @Override
    public Op invoke(Op op) throws Exception {
        if (op.f().equals(faultF)) {
            List<String> chosen = choose(op.value(), defaultTarget);
            for (String node : chosen) {
                fault.apply(node);
                faulted.add(node);
            }
            return op.complete(OpType.INFO, chosen);
        }
        if (op.f().equals(undoF)) {
            List<String> chosen = op.value() == null ? List.copyOf(faulted) : choose(op.value(), Target.ALL);
            for (String node : chosen) {
                undo.apply(node);
                faulted.remove(node);
            }
            return op.complete(OpType.INFO, chosen);
        }
        throw new IllegalArgumentException("the " + faultF + " nemesis handles " + fs() + ", not " + op.f());
    }

    private List<String> choose(Object value, Target fallback) throws Exception {
        if (value == null) return select(fallback);
        if (value instanceof String name) return select(Target.parse(name));
        if (value instanceof Collection<?> named) {
            List<String> chosen = new ArrayList<>();
            for (Object node : named) {
                if (!nodes.contains(String.valueOf(node))) {
                    throw new IllegalArgumentException("unknown node '" + node + "' in " + faultF + " value " + value);
                }
                chosen.add(String.valueOf(node));
            }
            return List.copyOf(new TreeSet<>(chosen));
        }
        throw new IllegalArgumentException("bad " + faultF + " value " + value
                + " (expected null, a target name or a list of nodes)");
    }

    private List<String> select(Target target) throws Exception {
        Set<String> current = Set.of();
        if (target == Target.PRIMARIES) {
            if (primaries == null) throw new IllegalArgumentException("target primaries needs a system that names its primaries");
            current = primaries.primaries();
        }
        return Targets.select(target, nodes, current, random);
    }

    /** Restarts or resumes every node; tries them all, then throws the first failure. */
    @Override
    public void teardown() throws Exception {
        Exception first = null;
        for (String node : nodes) {
            try {
                undo.apply(node);
            } catch (Exception e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        faulted.clear();
        if (first != null) throw first;
    }
}
