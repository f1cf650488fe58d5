package io.faultline.checkers.sim;

import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A tiny builder of hand-written histories for tests: {@code new Ops().invoke(0, "add", 1L).ok(0, 1L)...}. */
public final class Ops {

    private final List<Op> ops = new ArrayList<>();
    private long time;

    public Ops invoke(int process, String f, Object value) {
        return add(OpType.INVOKE, process, f, value);
    }

    public Ops ok(int process, String f, Object value) {
        return add(OpType.OK, process, f, value);
    }

    public Ops fail(int process, String f, Object value) {
        return add(OpType.FAIL, process, f, value);
    }

    public Ops info(int process, String f, Object value) {
        return add(OpType.INFO, process, f, value);
    }

    private Ops add(OpType type, int process, String f, Object value) {
        time += 1_000_000;
        ops.add(new Op(ops.size(), time, type, process, f, value, null, Map.of()));
        return this;
    }

    public History history() {
        return History.of(ops, "test");
    }
}
