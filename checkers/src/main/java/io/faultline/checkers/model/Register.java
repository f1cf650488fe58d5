package io.faultline.checkers.model;

import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import java.util.function.Predicate;

/**
 * A read/write register: {@code :read} and {@code :write v}; nil semantics as {@link CasRegister}.
 *
 * @param initial the value before any write; may be null (nil)
 * @param knossos whether a read completing with nil is always legal
 */
public record Register(Object initial, boolean knossos) implements Model<RegisterState> {

    public Register {
        initial = Values.norm(initial);
    }

    @Override
    public String name() {
        return "register";
    }

    @Override
    public RegisterState init() {
        return new RegisterState(initial);
    }

    @Override
    public RegisterState step(RegisterState state, Op invocation, Op completion) {
        return switch (invocation.f()) {
            case "read" -> CasRegister.read(state, completion, knossos);
            case "write" -> new RegisterState(Values.norm(invocation.value()));
            default -> throw Values.unknownF(name(), invocation, ":read and :write");
        };
    }

    @Override
    public boolean constrainsNothing(Op invocation) {
        return invocation.f().equals("read");
    }

    /** Unknown writes whose value no ok read observes. */
    @Override
    public Predicate<Op> omittable(History history) {
        return CasRegister.unobservedWrites(history, knossos);
    }
}
