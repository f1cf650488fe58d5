package io.faultline.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faultline.core.client.Client;
import io.faultline.core.op.Op;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import us.bpsm.edn.Keyword;

/**
 * A client of one etcd member (as a Jepsen client is bound to a node), through its HTTP/JSON gateway.
 * Register key {@code k} is the etcd key {@code r<k>} holding the decimal value; {@code :cas [k [old new]]}
 * is one transaction comparing the value with {@code old} and putting {@code new} when equal. Set
 * element {@code e} is its own key {@code s/<e>} (an add is one put); the read is a range over the
 * prefix {@code s/}. Reads are linearizable (etcd's default) or serializable (served by the member
 * alone), as {@code --reads} says.
 *
 * <p>Outcomes: a read that fails in any way is {@code fail} (it changed nothing); a write or cas whose
 * request never connected is {@code fail}; a txn whose comparison failed is {@code fail}; every other
 * error of a write (a timeout, {@code etcdserver: request timed out}, a reset connection, an HTTP
 * error) is {@code info}: it may have taken effect. The prototype owns the HTTP client; opened clients
 * share it and own nothing, so close does nothing. Each opened client is used by one thread.
 */
final class EtcdClient implements Client {
    static final String SET_PREFIX = "s/";

    /** How ops map onto etcd: one per workload. */
    enum Kind { REGISTER, SET }

    private final EtcdDb db;
    private final Kind kind;
    private final boolean serializable;
    private final Duration timeout;
    private final HttpClient http;
    private final EtcdGateway gateway;

    private EtcdClient(EtcdDb db, Kind kind, boolean serializable, Duration timeout, HttpClient http, EtcdGateway gateway) {
        this.db = db;
        this.kind = kind;
        this.serializable = serializable;
        this.timeout = timeout;
        this.http = http;
        this.gateway = gateway;
    }

    /** The prototype: opened clients talk to their node's member with requests of at most {@code timeout}. */
    static EtcdClient prototype(EtcdDb db, Kind kind, boolean serializable, Duration timeout) {
        return new EtcdClient(db, kind, serializable, timeout, EtcdGateway.httpClient(timeout), null);
    }

    @Override
    public Client open(String node) {
        return new EtcdClient(db, kind, serializable, timeout, http, db.gateway(http, node, timeout));
    }

    @Override
    public Op invoke(Op op) throws InterruptedException {
        if (gateway == null) throw new IllegalStateException("invoke an opened client, not the prototype");
        boolean read = op.f().equals("read");
        try {
            return kind == Kind.REGISTER ? register(op) : set(op);
        } catch (EtcdGateway.GatewayException e) {
            Keyword error = keyword(e.getMessage());
            return read || e.definite() ? op.fail(error) : op.info(error);
        }
    }

    private Op register(Op op) throws EtcdGateway.GatewayException, InterruptedException {
        List<?> tuple = (List<?>) op.value();
        Object key = tuple.get(0);
        String etcdKey = "r" + key;
        switch (op.f()) {
            case "read" -> {
                JsonNode kvs = range(etcdKey, null).path("kvs");
                Long value = kvs.isArray() && kvs.size() > 0 ? Long.valueOf(EtcdGateway.unb64(kvs.get(0).path("value").asText())) : null;
                return op.ok(Arrays.asList(key, value));
            }
            case "write" -> {
                gateway.post("/v3/kv/put", put(etcdKey, String.valueOf(tuple.get(1))));
                return op.ok(tuple);
            }
            case "cas" -> {
                List<?> cas = (List<?>) tuple.get(1);
                ObjectNode compare = EtcdGateway.object().put("key", EtcdGateway.b64(etcdKey)).put("result", "EQUAL")
                        .put("target", "VALUE").put("value", EtcdGateway.b64(String.valueOf(cas.get(0))));
                ObjectNode txn = EtcdGateway.object();
                txn.putArray("compare").add(compare);
                txn.putArray("success").addObject().set("request_put", put(etcdKey, String.valueOf(cas.get(1))));
                JsonNode answer = gateway.post("/v3/kv/txn", txn);
                return answer.path("succeeded").asBoolean(false) ? op.ok(tuple) : op.fail(Keyword.newKeyword("compare-failed"));
            }
            default -> throw new IllegalArgumentException("the register client handles read, write and cas, not :" + op.f());
        }
    }

    private Op set(Op op) throws EtcdGateway.GatewayException, InterruptedException {
        switch (op.f()) {
            case "add" -> {
                long element = ((Number) op.value()).longValue();
                gateway.post("/v3/kv/put", put(SET_PREFIX + element, Long.toString(element)));
                return op.ok(element);
            }
            case "read" -> {
                // the range [s/, s0): '0' follows '/'
                JsonNode kvs = range(SET_PREFIX, SET_PREFIX.substring(0, 1) + "0").path("kvs");
                TreeSet<Long> all = new TreeSet<>();
                if (kvs.isArray()) kvs.forEach(kv -> all.add(Long.valueOf(EtcdGateway.unb64(kv.path("value").asText()))));
                return op.ok(List.copyOf(new ArrayList<>(all)));
            }
            default -> throw new IllegalArgumentException("the set client handles add and read, not :" + op.f());
        }
    }

    /** A range request of one key ({@code end} null) or of {@code [key, end)}, serializable as configured. */
    private JsonNode range(String key, String end) throws EtcdGateway.GatewayException, InterruptedException {
        ObjectNode body = EtcdGateway.object().put("key", EtcdGateway.b64(key));
        if (end != null) body.put("range_end", EtcdGateway.b64(end));
        if (serializable) body.put("serializable", true);
        return gateway.post("/v3/kv/range", body);
    }

    private static ObjectNode put(String key, String value) {
        return EtcdGateway.object().put("key", EtcdGateway.b64(key)).put("value", EtcdGateway.b64(value));
    }

    /** "etcdserver: request timed out" → :etcdserver-request-timed-out. */
    static Keyword keyword(String error) {
        String slug = error == null ? "" : error.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return Keyword.newKeyword(slug.isEmpty() ? "unknown" : slug);
    }

    @Override
    public void close() {
        // the HTTP client is shared and has nothing to close on Java 17
    }

    @Override
    public String toString() {
        return gateway == null ? "etcd client prototype" : "etcd client of " + gateway;
    }
}
