package io.faultline.checkers.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The built-in models by name. Stateless. */
public final class Models {

    /** The names {@link #byName} knows. */
    public static final List<String> NAMES = List.of("register", "cas-register", "multi-register", "set", "counter", "mutex");

    private Models() {
    }

    /**
     * A model by its command-line name.
     *
     * @param name    one of {@link #NAMES}
     * @param initial the initial state as parsed EDN, or null for the model's default: nil for registers,
     *                {@code {}} for multi-register, {@code #{}} for set, 0 for counter, free for mutex
     * @param knossos whether a read of nil is always legal (registers only; Knossos' semantics)
     * @throws IllegalArgumentException naming an unknown model (listing the known ones) or an initial
     *                                  value of the wrong kind
     */
    @SuppressWarnings("unchecked")
    public static Model<?> byName(String name, Object initial, boolean knossos) {
        if (name == null || !NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown model " + (name == null ? "null" : "'" + name + "'")
                    + "; known models: " + String.join(", ", NAMES));
        }
        return switch (name) {
            case "register" -> new Register(initial, knossos);
            case "cas-register" -> new CasRegister(initial, knossos);
            case "multi-register" -> {
                if (initial != null && !(initial instanceof Map)) throw badInitial(name, initial, "a map such as {:x 0 :y 0}");
                yield new MultiRegister(initial == null ? Map.of() : (Map<Object, Object>) initial, knossos);
            }
            case "set" -> {
                if (initial != null && !(initial instanceof Collection)) throw badInitial(name, initial, "a set such as #{1 2}");
                yield new SetModel(initial == null ? Set.of() : new java.util.HashSet<>((Collection<Object>) initial));
            }
            case "counter" -> {
                if (initial != null && !(initial instanceof Number)) throw badInitial(name, initial, "an integer");
                yield new CounterModel(initial == null ? 0 : ((Number) initial).longValue());
            }
            case "mutex" -> {
                if (initial != null && !(initial instanceof Boolean)) throw badInitial(name, initial, "true (held) or false (free)");
                yield new Mutex(Boolean.TRUE.equals(initial));
            }
            default -> throw new IllegalStateException(name);
        };
    }

    private static IllegalArgumentException badInitial(String model, Object initial, String expected) {
        return new IllegalArgumentException("initial value " + initial + " does not suit model " + model + ": expected "
                + expected);
    }
}
