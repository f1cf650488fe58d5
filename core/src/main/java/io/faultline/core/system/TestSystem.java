package io.faultline.core.system;

import io.faultline.core.db.Db;
import io.faultline.core.net.LinkRouter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A system under test as a plug-in, found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/io.faultline.core.system.TestSystem} file names the class; it needs a
 * public no-argument constructor). What it gives the harness:
 * <ul>
 *   <li>its {@link #name()} ({@code faultline test --system NAME}) and its own {@link #options()},
 *       typed, with help and validation;</li>
 *   <li>a {@link Db} per test ({@link #db}): its nodes, setup and teardown, and the optional abilities
 *       the nemeses use, detected with {@code instanceof}: {@link io.faultline.core.node.Killable},
 *       {@link io.faultline.core.node.Pausable}, {@link io.faultline.core.node.HasPrimaries},
 *       {@link io.faultline.core.node.HasLogs}; for {@code faultline cluster} also
 *       {@link io.faultline.core.node.HasStatus}, {@link io.faultline.core.node.HasConsole} and
 *       {@link io.faultline.core.node.Attachable};</li>
 *   <li>the hosts a partition may cut: the Db's nodes plus its {@link #extraHosts} (e.g. a
 *       coordination service's servers); every link it routes through the given {@link LinkRouter}
 *       gets a fault proxy;</li>
 *   <li>its runtimes ({@code local}, {@code docker}, ...) and its workloads, each with the system's own
 *       client ({@link #workload}).</li>
 * </ul>
 * Implementations are stateless: every method may be called many times, from any thread.
 */
public interface TestSystem {

    /** The name on the command line, e.g. {@code redis-zk}: lower case, digits and dashes. */
    String name();

    /** One line for {@code faultline systems}. */
    String description();

    /** The system's own options; their names must not clash with the harness's ({@code faultline test --help}). */
    List<SystemOption> options();

    /**
     * Checks the options together (each one alone is already checked), e.g. groups at most nodes.
     *
     * @throws IllegalArgumentException one line naming the options
     */
    default void validate(SystemOptions options) {
    }

    /** The runtimes it runs on; the first is the default. */
    List<String> runtimes();

    /** The workloads it has clients for, e.g. {@code register}, {@code set}; the first is the default. */
    List<String> workloads();

    /** Hosts beside the nodes that a partition may cut off, e.g. {@code zk1..zk3}; none by default. */
    default List<String> extraHosts(SystemOptions options) {
        return List.of();
    }

    /**
     * Where the fault proxies listen so that this runtime's processes reach them, e.g. the host's
     * address on the Docker bridge; {@code 127.0.0.1} by default.
     *
     * @throws IllegalArgumentException one line when the runtime is not available here (and how to fix it)
     */
    default String proxyHost(String runtime) {
        return "127.0.0.1";
    }

    /**
     * The system of one test, not started: the runner calls {@link Db#setup()} and {@link Db#close()}.
     *
     * @param links routes every link of the system, so that the nemesis can cut or slow it
     */
    Db db(SystemOptions options, String runtime, LinkRouter links);

    /**
     * A Db for a system that already runs elsewhere ({@code faultline load} against
     * {@code faultline cluster up}): setup and close do nothing, and its workloads' clients connect
     * with {@code attachment} (what the running Db's {@link io.faultline.core.node.Attachable} said).
     *
     * @throws UnsupportedOperationException when the system cannot be attached to (the default)
     */
    default Db attach(SystemOptions options, Map<String, String> attachment, LinkRouter clientLinks) {
        throw new UnsupportedOperationException("system " + name() + " cannot run a load against a running cluster");
    }

    /**
     * The workload {@code name} with this system's client: the client prototype connects to {@code db}
     * when the first process opens it (after setup).
     *
     * @throws IllegalArgumentException naming a workload the system does not have
     */
    Workload workload(String name, SystemOptions options, Db db);

    /**
     * The options that tell one test name from another, e.g. {@code sync-demote}; {@code ""} by
     * default. Test names are {@code <workload>-<nemesis>[-<label>]}.
     */
    default String label(SystemOptions options) {
        return "";
    }

    /** The options as {@code test.json} records them; their values by default. */
    default Map<String, Object> describe(SystemOptions options) {
        return new LinkedHashMap<>(options.values());
    }
}
