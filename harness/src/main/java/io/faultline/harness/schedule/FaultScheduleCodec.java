package io.faultline.harness.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.faultline.core.history.EdnOps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Reads and writes explicit fault schedules: a vector (EDN) or array (JSON) of maps
 * {@code {at, fault, args, duration}}. {@code at} and {@code duration} are milliseconds when numbers,
 * or strings with a unit: {@code "500ms"}, {@code "5s"}, {@code "1.5s"}, {@code "2m"}. {@code fault} is a
 * string or keyword; {@code args} is optional (nil/absent: the test's default). A key {@code did} (what
 * the nemesis reported, written in {@code faults.edn}) is read and ignored; any other key is refused.
 * A file named {@code *.json}, or whose text looks like JSON ({@code "key":}), is read as JSON, else EDN.
 *
 * <p>Every error is a {@link ScheduleFormatException} whose message is one line naming the input.
 */
public final class FaultScheduleCodec {

    /** The name of the executed schedule in a run directory. */
    public static final String FILE = "faults.edn";

    private static final Set<String> KEYS = Set.of("at", "fault", "args", "duration", "did");
    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?\\s*");
    private static final String FORMAT = "expected a list of {at, fault, args, duration} maps, e.g. "
            + "[{:at \"5s\", :fault \"partition\", :args \"primaries\", :duration \"10s\"}]";

    private FaultScheduleCodec() {
    }

    /** Reads a schedule file. */
    public static List<ScheduledFault> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScheduleFormatException("--faults " + file + ": cannot read it (" + e.getMessage() + "): give an EDN or JSON schedule file");
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                || (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".edn") && text.matches("(?s).*\"\\w+\"\\s*:.*"));
        return parse(text, json, "--faults " + file);
    }

    /**
     * Parses a schedule's text.
     *
     * @param json  JSON, else EDN
     * @param input names the input in messages, e.g. {@code --faults f.edn}
     */
    public static List<ScheduledFault> parse(String text, boolean json, String input) {
        Object parsed;
        try {
            parsed = json ? new ObjectMapper().readValue(text, Object.class) : EdnOps.normalize(ednValue(text));
        } catch (IOException | EdnException | IllegalStateException e) {
            throw new ScheduleFormatException(input + ": not valid " + (json ? "JSON" : "EDN") + " (" + oneLine(e.getMessage())
                    + "); " + FORMAT);
        }
        if (!(parsed instanceof Collection<?> entries)) {
            throw new ScheduleFormatException(input + ": " + FORMAT + ", got " + describe(parsed));
        }
        List<ScheduledFault> out = new ArrayList<>();
        int n = 0;
        for (Object e : entries) {
            n++;
            out.add(entry(e, input + ": entry " + n));
        }
        return List.copyOf(out);
    }

    /** The schedule as EDN: one entry per line, times in ms; {@code did} per entry when given (same order), else none. */
    public static String toEdn(List<ScheduledFault> schedule, List<Object> did) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < schedule.size(); i++) {
            ScheduledFault f = schedule.get(i);
            if (i > 0) sb.append("\n ");
            sb.append("{:at ").append(f.atMillis()).append(", :fault ").append(EdnOps.valueToEdn(f.fault()))
                    .append(", :args ").append(EdnOps.valueToEdn(f.args())).append(", :duration ").append(f.durationMillis());
            if (did != null && i < did.size() && did.get(i) != null) sb.append(", :did ").append(EdnOps.valueToEdn(did.get(i)));
            sb.append('}');
        }
        return sb.append("]\n").toString();
    }

    /** Writes {@link #toEdn} to {@code file}. */
    public static void write(Path file, List<ScheduledFault> schedule, List<Object> did) throws IOException {
        Files.writeString(file, toEdn(schedule, did), StandardCharsets.UTF_8);
    }

    /** Milliseconds of a number (ms) or a string with a unit ({@code 500ms}, {@code 5s}, {@code 2m}; none: ms). */
    public static long millis(Object v, String what) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (d < 0 || Double.isNaN(d)) throw new ScheduleFormatException(what + " must be >= 0, was " + v);
            return Math.round(d);
        }
        if (v instanceof String s) {
            Matcher m = DURATION.matcher(s);
            if (m.matches()) {
                double d = Double.parseDouble(m.group(1));
                String unit = m.group(2) == null ? "ms" : m.group(2);
                return Math.round(switch (unit) {
                    case "s" -> d * 1000;
                    case "m" -> d * 60_000;
                    default -> d;
                });
            }
        }
        throw new ScheduleFormatException(what + " must be milliseconds or a duration like \"500ms\", \"5s\", \"2m\"; was "
                + describe(v));
    }

    private static ScheduledFault entry(Object e, String where) {
        if (!(e instanceof Map<?, ?> map)) throw new ScheduleFormatException(where + ": " + FORMAT + ", got " + describe(e));
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> m.put(name(k), v));
        for (String k : m.keySet()) {
            if (!KEYS.contains(k)) throw new ScheduleFormatException(where + ": unknown key '" + k + "'; " + FORMAT);
        }
        for (String k : List.of("at", "fault", "duration")) {
            if (m.get(k) == null) throw new ScheduleFormatException(where + ": missing '" + k + "'; " + FORMAT);
        }
        Object fault = m.get("fault");
        if (!(fault instanceof String) && !(fault instanceof Keyword)) {
            throw new ScheduleFormatException(where + ": fault must name a fault package, was " + describe(fault));
        }
        Object args = m.get("args");
        if (args instanceof Keyword k) args = k.getName();
        long duration = millis(m.get("duration"), where + ": duration");
        if (duration <= 0) throw new ScheduleFormatException(where + ": duration must be > 0, was " + m.get("duration"));
        return new ScheduledFault(millis(m.get("at"), where + ": at"), name(fault), args, duration);
    }

    private static Object ednValue(String text) {
        Parser parser = Parsers.newParser(Parsers.defaultConfiguration());
        Object v = parser.nextValue(Parsers.newParseable(text));
        if (v == Parser.END_OF_INPUT) throw new IllegalStateException("empty");
        return v;
    }

    private static String name(Object k) {
        return k instanceof Keyword kw ? kw.getName() : String.valueOf(k);
    }

    private static String describe(Object v) {
        if (v == null) return "nothing";
        String s = String.valueOf(v);
        return (s.length() > 60 ? s.substring(0, 60) + "..." : s);
    }

    private static String oneLine(String s) {
        if (s == null) return "unreadable";
        String line = s.replaceAll("\\s+", " ").trim();
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}
