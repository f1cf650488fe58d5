package com.example.kv;

import io.faultline.core.db.Db;
import io.faultline.core.net.LinkRouter;
import io.faultline.core.system.SystemOption;
import io.faultline.core.system.SystemOptions;
import io.faultline.core.system.TestSystem;
import io.faultline.core.system.Workload;
import io.faultline.workloads.set.SetWorkload;
import java.util.List;

/**
 * The key-value store as a Faultline system, {@code kv}: one option, {@code --bug on|off} (on: the
 * primary acknowledges an add before replicating it); one runtime, {@code local} (in this JVM); one
 * workload, Jepsen's {@code set} (adds, then a final read; acknowledged adds missing from it are lost
 * writes). Registered in {@code META-INF/services/io.faultline.core.system.TestSystem}.
 */
public final class KvSystem implements TestSystem {

    @Override
    public String name() {
        return "kv";
    }

    @Override
    public String description() {
        return "an in-JVM replicated key-value set over TCP (the own-system example)";
    }

    @Override
    public List<SystemOption> options() {
        return List.of(SystemOption.choice("bug", List.of("off", "on"), "on: acknowledge an add before replicating it"));
    }

    @Override
    public List<String> runtimes() {
        return List.of("local");
    }

    @Override
    public List<String> workloads() {
        return List.of("set");
    }

    @Override
    public Db db(SystemOptions options, String runtime, LinkRouter links) {
        return new KvDb(options.string("bug").equals("on"), links);
    }

    @Override
    public Workload workload(String name, SystemOptions options, Db db) {
        if (!name.equals("set")) throw new IllegalArgumentException("system kv has no workload '" + name + "' (its workloads: set)");
        KvDb kv = (KvDb) db;
        return SetWorkload.create(new KvClient(kv, kv.links()));
    }

    @Override
    public String label(SystemOptions options) {
        return "bug-" + options.string("bug");
    }
}
