package io.faultline.harness.plan;

import io.faultline.core.op.Op;
import io.faultline.harness.schedule.ExplicitFaults;
import io.faultline.harness.schedule.ScheduleFormatException;
import io.faultline.harness.schedule.ScheduledFault;
import io.faultline.nemesis.grudge.GrudgeSpec;
import io.faultline.nemesis.process.Target;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;

/**
 * Turns an explicit fault schedule into the nemesis ops of its packages, checked against the system's
 * nodes and extra hosts: for each entry the package's start op (value from {@code args}, or the test's
 * default) at {@code at} and its stop op at {@code at + duration}.
 *
 * <ul>
 *   <li>{@code partition}: args a grudge ({@code primaries}, {@code one}, {@code zk-one}, or any grudge spec:
 *       {@code halves}, {@code isolate n1}, {@code n1,n2|n3,n4,n5}...); default {@code --partition}</li>
 *   <li>{@code zk}: args a node cut from the extra hosts; default a random one</li>
 *   <li>{@code kill}, {@code pause}: a target ({@code primaries}, {@code one}, {@code minority}, {@code majority},
 *       {@code all}), a node, or a list of nodes; default {@code --target}; the stop restarts/resumes what it hit</li>
 *   <li>{@code latency}, {@code flaky}: no args</li>
 * </ul>
 */
final class ExplicitSchedule {

    private ExplicitSchedule() {
    }

    /**
     * @throws ScheduleFormatException one line, {@code entry N: ...}, for a node or host that does not
     *                                 exist, or args a package does not take
     */
    static ExplicitFaults generator(TestOptions o, List<String> nodes, List<String> extraHosts) {
        List<ExplicitFaults.Timed> ops = new ArrayList<>();
        int n = 0;
        for (ScheduledFault f : o.schedule()) {
            n++;
            FaultPackage p = FaultPackages.get(f.fault());
            Object start = startValue(o, f, nodes, extraHosts, "entry " + n + " (" + f.fault() + ")");
            ops.add(new ExplicitFaults.Timed(f.atMillis() * 1_000_000, Op.invoke(Op.NEMESIS, p.startF(), start)));
            ops.add(new ExplicitFaults.Timed(f.endMillis() * 1_000_000, Op.invoke(Op.NEMESIS, p.stopF(), null)));
        }
        return ExplicitFaults.of(ops);
    }

    private static Object startValue(TestOptions o, ScheduledFault f, List<String> nodes, List<String> hosts, String where) {
        Object a = f.args();
        switch (f.fault()) {
            case "partition" -> {
                String spec = a == null ? o.partition() : text(a, where, "a grudge, e.g. \"primaries\" or \"isolate n1\"");
                if (!List.of("primaries", "one", "zk-one").contains(spec.trim())) {
                    try {
                        GrudgeSpec.parse(spec, nodes, hosts, new Random(0));
                    } catch (RuntimeException e) {
                        throw new ScheduleFormatException(where + ": " + e.getMessage() + " (nodes: " + String.join(", ", nodes)
                                + (hosts.isEmpty() ? "" : "; extra hosts: " + String.join(", ", hosts)) + ")");
                    }
                }
                return spec;
            }
            case "zk" -> {
                if (a == null) return "zk-one";
                return "zk " + node(text(a, where, "a node"), nodes, where);
            }
            case "kill", "pause" -> {
                if (a == null) return o.target();
                if (a instanceof Collection<?> list) {
                    if (list.isEmpty()) throw new ScheduleFormatException(where + ": args must name at least one node");
                    return list.stream().map(x -> node(String.valueOf(x), nodes, where)).toList();
                }
                String t = text(a, where, "a target or nodes");
                try {
                    Target.parse(t);
                    return t;
                } catch (IllegalArgumentException notATarget) {
                    return List.of(node(t, nodes, where));
                }
            }
            default -> {
                if (a != null) throw new ScheduleFormatException(where + ": takes no args, was " + a);
                return null;
            }
        }
    }

    private static String node(String name, List<String> nodes, String where) {
        if (!nodes.contains(name)) {
            throw new ScheduleFormatException(where + ": no node '" + name + "' in this system (nodes: " + String.join(", ", nodes) + ")");
        }
        return name;
    }

    private static String text(Object a, String where, String expected) {
        if (a instanceof String s && !s.isBlank()) return s;
        throw new ScheduleFormatException(where + ": args must be " + expected + ", was " + a);
    }
}
