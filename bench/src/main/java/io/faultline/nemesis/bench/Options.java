package io.faultline.nemesis.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} command-line options. */
final class Options {

    private Options() {
    }

    /** @throws IllegalArgumentException naming an unknown option or one without a value */
    static Map<String, String> parse(String[] args, Set<String> known) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!known.contains(args[i])) throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + known);
            if (i + 1 >= args.length) throw new IllegalArgumentException("option " + args[i] + " needs a value");
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
