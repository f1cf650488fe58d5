package io.faultline.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.faultline.core.op.Op;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * The byte scanners against the full readers, line by line, on a corpus of varied, truncated and
 * adversarial lines: whatever a scanner accepts it reads as the full reader does, and it never accepts a
 * line the full reader rejects (so that the full reader names the problem).
 */
class FastReaderDifferentialTest {

    private static final String[] EDN_VALUES = {
            "nil", "0", "-0", "7", "-12", "123456789012345678", "1234567890123456789", "99999999999999999999",
            "007", "1.5", "1e3", "2N", "3M", "+4", "-", "true", "false", "truex", "nilly", ":k", ":ns/k", ":a.b-c?",
            ":-x", ":1", "\"s\"", "\"with \\\"quote\\\"\"", "\"tab\\t\"", "\"ünïcödé\"", "\"\"", "sym", "\\a",
            "[]", "[1 2]", "[1, 2]", "[1 nil]", "[nil nil]", "[nil 2]", "[1 [2 3]]", "[3 [nil 1]]", "[1 2 3]", "[1]",
            "(1 2)", "(1 2]", "[:k \"v\"]", "[\"k\" 1]", "[[1 2] 3]", "#{1 2}", "{:a 1}", "[1 {:a 1}]",
            "#inst \"2020-01-01T00:00:00Z\"", "[1 2", "[[[[[[[[[[1]]]]]]]]]]", "[true false]", "[1 2]x", "\"a\"b"};

    private static final String[] EDN_LINES = {
            "{:index 0, :time 10, :type :invoke, :process 0, :f :write, :value 4}",
            "{:type :ok, :process 3, :f :read, :value [1 2]}",
            "{:process :nemesis, :type :info, :f :start-partition, :value :majority}",
            "{:process :nemesis, :type :info, :f :start, :value {\"n1\" #{\"n2\"}}}",
            "{:index 1 :time 2 :type :fail :process 1 :f :cas :value [0 [1 2]] :error :precondition}",
            "\t{:type :info,:process 1,:f :read,:value nil,:error \"timeout\"} ,",
            "{:type :ok, :process 1, :f :read, :value 1} ; a comment",
            "{:type :ok, :process 1, :f :read, :value 1} {:type :ok}",
            "{:type :ok, :process 1, :f :read, :value 1, :node \"n1\", :debug [1 2]}",
            "{:type :ok, :process 1, :f :read, :value 1, :value 2}",
            "{:type :ok, :process 1, :f :read, :value 1, :x 1, :x 2}",
            "{:type :ok, :process 1, :f :read, :value 1, :x nil}",
            "{:type :okay, :process 1, :f :read}",
            "{:type :ok, :process -1, :f :read}",
            "{:type :ok, :process 4294967296, :f :read}",
            "{:type :ok, :process :other, :f :read}",
            "{:type :ok, :process 1, :f \"read\"}",
            "{:type \"ok\", :process 1, :f :read}",
            "{:type :ok, :process 1, :f :ns/read}",
            "{:type :ok, :f :read}",
            "{:process 1, :f :read}",
            "{:type :ok, :process 1}",
            "{:index \"3\", :type :ok, :process 1, :f :read}",
            "{:index 1.0, :type :ok, :process 1, :f :read}",
            "{\"type\" :ok, :process 1, :f :read}",
            "[{:type :ok, :process 1, :f :read}]",
            "{}", "{", "}", "", "   ", "; only a comment", "nil", "{:type :ok :process 1 :f :read :value}",
            "{:type :ok, :process 1, :f :read, :value 1}}", "{:type :ok, :process 1, :f :read, :value ]}",
            "{:type :ok, :process 1, :f :read, :time -5}", "{:type :ok, :process 01, :f :read}",
            "{:type :ok, :process 1, :f :read, :value \"ünï\"}", "{:type :ok, :process 1, :f :r\u00e9ad}"};

    @Test
    void theEdnScannerReadsWhatTheFullReaderReadsAndNothingItRejects() {
        List<String> corpus = new ArrayList<>(List.of(EDN_LINES));
        for (String v : EDN_VALUES) {
            corpus.add("{:index 3, :time 9, :type :ok, :process 2, :f :read, :value " + v + "}");
            corpus.add("{:type :info, :process 2, :f :cas, :value [5 " + v + "], :error " + v + "}");
            corpus.add("{:type :invoke, :f :w, :process 2, :value [" + v + " 1], :extra " + v + "}");
        }
        String typical = "{:index 12, :time 1200000, :type :ok, :process 7, :f :cas, :value [42 [1 2]], :error :x}";
        for (int cut = 0; cut <= typical.length(); cut++) corpus.add(typical.substring(0, cut));
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 2000; i++) corpus.add(mutate(typical, random));
        int accepted = 0;
        for (String line : corpus) accepted += compareEdn(line) ? 1 : 0;
        assertThat(accepted).as("lines the scanner read itself").isGreaterThan(150);
        assertThat(compareEdn(typical)).as("the Jepsen shape is the scanner's").isTrue();
    }

    /** True when the scanner read the line itself. */
    private static boolean compareEdn(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        HistoryBuilder fast = new HistoryBuilder(4, true);
        int r = new EdnOpScanner().scanLine(bytes, 0, bytes.length, fast);
        Object full = fullEdn(line);
        if (r == ByteScanner.FAIL) {
            assertThat(fast.size()).as("nothing appended on giving up: %s", line).isZero();
            return false;
        }
        if (r == EdnOpScanner.BLANK) {
            assertThat(full).as("blank for both: %s", line).isNull();
            return false;
        }
        assertThat(full).as("the full reader reads what the scanner read: %s", line).isInstanceOf(Op.class);
        assertThat(fast.columns().op(0, false)).as(line).isEqualTo(full);
        return true;
    }

    /** The op of a line as the full reader has it, null for a blank line, or the exception it throws. */
    private static Object fullEdn(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith(";")) return null;
        try {
            Parser parser = Parsers.newParser(Parsers.defaultConfiguration());
            Parseable p = Parsers.newParseable(trimmed);
            Object parsed = parser.nextValue(p);
            if (parser.nextValue(p) != Parser.END_OF_INPUT) return new IllegalArgumentException("more");
            return EdnOps.fromEdn(parsed);
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static String mutate(String s, SplittableRandom random) {
        StringBuilder sb = new StringBuilder(s);
        String alphabet = " ,:[](){}\"\\;#-09nil\t/.e";
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
            int at = random.nextInt(sb.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> {
                    if (at < sb.length()) sb.deleteCharAt(at);
                }
                default -> {
                    if (at < sb.length()) sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
        }
        return sb.toString();
    }

    private static final String[] JSON_LINES = {
            "{\"index\":7,\"time\":129,\"type\":\"info\",\"process\":3,\"f\":\"write\",\"value\":4,\"error\":\":timeout\"}",
            "{\"type\":\"ok\",\"process\":\"nemesis\",\"f\":\"start\",\"value\":[1,[2,3]]}",
            "{\"type\":\":ok\",\"process\":\":nemesis\",\"f\":\":start\",\"value\":null}",
            "{ \"type\" : \"ok\" , \"process\" : 1 , \"f\" : \"read\" , \"value\" : [ ] }",
            "{\"type\":\"ok\",\"process\":1,\"f\":\"read\",\"value\":{\"a\":1}}",
            "{\"type\":\"ok\",\"process\":1,\"f\":\"read\",\"value\":1.5}",
            "{\"type\":\"ok\",\"process\":1,\"f\":\"read\",\"value\":\"a\\\"b\"}",
            "{\"type\":\"ok\",\"process\":1,\"f\":\"read\",\"value\":\":\"}",
            "{\"type\":\"ok\",\"process\":1,\"f\":\"read\",\"value\":\":k\",\"node\":\"n1\"}",
            "{\"type\":\"ok\",\"process\":1,\"f\":\"read\",\"node\":null}",
            "{\"type\":\"ok\",\"process\":1,\"f\":\"read\",\"type\":\"ok\"}",
            "{\"type\":\"ok\",\"process\":1,\"f\":\"read\",\"value\":[true,false,null,\"ü\"]}",
            "{\"type\":\"okay\",\"process\":1,\"f\":\"read\"}",
            "{\"type\":\"ok\",\"process\":-1,\"f\":\"read\"}",
            "{\"type\":\"ok\",\"process\":1.0,\"f\":\"read\"}",
            "{\"type\":\"ok\",\"process\":1,\"f\":\"read\",\"index\":\"4\"}",
            "{\"type\":\"ok\",\"process\":1,\"f\":\"read\",\"value\":12345678901234567890}",
            "{\"type\":\"ok\",\"process\":1,\"f\":\"read\"} x", "{\"type\":\"ok\"", "{}", "[1]", "{\"type\":\"ok\",}"};

    @Test
    void theJsonScannerReadsWhatJacksonReadsAndNothingItRejects() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<String> corpus = new ArrayList<>(List.of(JSON_LINES));
        String typical = JSON_LINES[0];
        for (int cut = 0; cut <= typical.length(); cut++) corpus.add(typical.substring(0, cut));
        int accepted = 0;
        for (String line : corpus) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            HistoryBuilder fast = new HistoryBuilder(4, true);
            boolean read = new JsonOpScanner().scanLine(bytes, 0, bytes.length, fast);
            Object full;
            try {
                full = JsonLinesOps.fromJson(mapper.readTree(line));
            } catch (Exception e) {
                full = e;
            }
            if (!read) {
                assertThat(fast.size()).as(line).isZero();
                continue;
            }
            accepted++;
            assertThat(fast.columns().op(0, false)).as(line).isEqualTo(full);
        }
        assertThat(accepted).isGreaterThan(5);
    }
}
