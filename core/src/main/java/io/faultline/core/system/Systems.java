package io.faultline.core.system;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The registry of systems under test: every {@link TestSystem} that {@link ServiceLoader} finds on
 * the class path, by name.
 */
public final class Systems {

    private final Map<String, TestSystem> byName;

    private Systems(Map<String, TestSystem> byName) {
        this.byName = byName;
    }

    /** The systems on the class path of {@code loader}. */
    public static Systems load(ClassLoader loader) {
        Map<String, TestSystem> byName = new TreeMap<>();
        for (TestSystem s : ServiceLoader.load(TestSystem.class, loader)) {
            TestSystem clash = byName.putIfAbsent(s.name(), s);
            if (clash != null) {
                throw new IllegalStateException("two systems are named " + s.name() + ": " + clash.getClass().getName()
                        + " and " + s.getClass().getName());
            }
        }
        return new Systems(byName);
    }

    /** The systems on the class path of this class. */
    public static Systems load() {
        return load(Systems.class.getClassLoader());
    }

    /** The systems given (for tests and for a system not on the class path). */
    public static Systems of(TestSystem... systems) {
        Map<String, TestSystem> byName = new TreeMap<>();
        for (TestSystem s : systems) byName.put(s.name(), s);
        return new Systems(byName);
    }

    /** Every system, by name. */
    public List<TestSystem> all() {
        return List.copyOf(byName.values());
    }

    /**
     * The system named {@code name}.
     *
     * @throws IllegalArgumentException one line naming the known systems
     */
    public TestSystem get(String name) {
        TestSystem s = byName.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown system '" + name + "' (known: "
                    + (byName.isEmpty() ? "none on the class path" : String.join(", ", byName.keySet())) + ")");
        }
        return s;
    }
}
