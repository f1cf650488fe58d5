package io.faultline.nemesis.compose;

import io.faultline.core.nemesis.Nemesis;
import io.faultline.core.op.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Several nemeses as one: each op goes to the nemesis whose {@link Nemesis#fs()} contains its f.
 *
 * <p>Setup runs in order; teardown runs on every nemesis in reverse order even when one fails,
 * then throws the first failure with the others suppressed.
 */
public final class ComposedNemesis implements Nemesis {

    private final List<Nemesis> nemeses;
    private final Map<String, Nemesis> byF;

    private ComposedNemesis(List<Nemesis> nemeses, Map<String, Nemesis> byF) {
        this.nemeses = nemeses;
        this.byF = byF;
    }

    /**
     * Composes nemeses.
     *
     * @throws IllegalArgumentException naming the f when two nemeses claim it
     */
    public static ComposedNemesis compose(Nemesis... nemeses) {
        return compose(List.of(nemeses));
    }

    /** @see #compose(Nemesis...) */
    public static ComposedNemesis compose(List<? extends Nemesis> nemeses) {
        Map<String, Nemesis> byF = new LinkedHashMap<>();
        for (Nemesis nemesis : nemeses) {
            Objects.requireNonNull(nemesis, "nemesis");
            for (String f : nemesis.fs()) {
                Nemesis other = byF.putIfAbsent(f, nemesis);
                if (other != null) {
                    throw new IllegalArgumentException("f " + f + " is claimed by two nemeses: "
                            + other.getClass().getSimpleName() + " and " + nemesis.getClass().getSimpleName());
                }
            }
        }
        return new ComposedNemesis(List.copyOf(nemeses), Map.copyOf(byF));
    }

    @Override
    public Set<String> fs() {
        return byF.keySet();
    }

    @Override
    public void setup() throws Exception {
        for (Nemesis nemesis : nemeses) nemesis.setup();
    }

    @Override
    public Op invoke(Op op) throws Exception {
        Nemesis nemesis = byF.get(op.f());
        if (nemesis == null) throw new IllegalArgumentException("no nemesis handles f " + op.f() + "; known: " + fs());
        return nemesis.invoke(op);
    }

    @Override
    public void teardown() throws Exception {
        Exception first = null;
        List<Nemesis> reversed = new ArrayList<>(nemeses);
        java.util.Collections.reverse(reversed);
        for (Nemesis nemesis : reversed) {
            try {
                nemesis.teardown();
            } catch (Exception e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        if (first != null) throw first;
    }
}
