package io.faultline.results.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The command line that reruns a test. The spec's {@code "command-line"} (a list of arguments or one
 * string) is used as it is when present; otherwise {@code ./faultline test} with one {@code --key value}
 * per scalar or list entry of the spec (lists joined by commas), which the runner should make sure
 * covers the seed. Arguments are shell-quoted when they need it. Stateless.
 */
final class RerunCommand {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");
    private static final Pattern OPTION = Pattern.compile("[a-z][a-z0-9-]*");

    private RerunCommand() {
    }

    static String of(Map<String, Object> spec) {
        Object given = spec.get("command-line");
        if (given instanceof String s && !s.isBlank()) return s;
        List<String> args = new ArrayList<>();
        if (given instanceof Collection<?> c && !c.isEmpty()) {
            c.forEach(a -> args.add(String.valueOf(a)));
            return join(args);
        }
        args.add("./faultline");
        args.add("test");
        spec.forEach((key, value) -> {
            if (!OPTION.matcher(key).matches() || value == null || value instanceof Map<?, ?>) return;
            if (value instanceof Collection<?> c) {
                if (c.stream().anyMatch(x -> x instanceof Map<?, ?> || x instanceof Collection<?>)) return;
                args.add("--" + key);
                args.add(String.join(",", c.stream().map(String::valueOf).toList()));
            } else if (value instanceof Boolean b) {
                if (b) args.add("--" + key);
            } else {
                args.add("--" + key);
                args.add(String.valueOf(value));
            }
        });
        return join(args);
    }

    private static String join(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(SAFE.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }
}
