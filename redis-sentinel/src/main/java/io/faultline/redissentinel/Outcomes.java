package io.faultline.redissentinel;

import io.faultline.core.op.Op;
import java.net.SocketTimeoutException;
import java.util.Locale;
import redis.clients.jedis.exceptions.JedisDataException;
import us.bpsm.edn.Keyword;

/**
 * What a failed request means for its op. An error reply ({@code READONLY} from a demoted primary,
 * {@code NOREPLICAS} from a primary short of {@code min-replicas-to-write}, {@code LOADING}, ...) is
 * Redis refusing the command before running it: {@code fail}, with the error's first word as the
 * keyword. A connection that broke or timed out after the request was sent leaves its outcome
 * unknown: {@code info}. One that broke before anything was sent: {@code fail}.
 */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * The completion of {@code invocation} after {@code error}.
     *
     * @param sent whether the request may have reached the server (the connection was open when it was written)
     */
    static Op failed(Op invocation, Exception error, boolean sent) {
        if (error instanceof JedisDataException reply) return invocation.fail(errorWord(reply.getMessage()));
        if (!sent) return invocation.fail(Keyword.newKeyword("no-connection"));
        return invocation.info(Keyword.newKeyword(timedOut(error) ? "timeout" : "connection-lost"));
    }

    /** {@code READONLY You can't write against a read only replica.} → {@code :readonly}. */
    static Keyword errorWord(String message) {
        if (message == null || message.isBlank()) return Keyword.newKeyword("error");
        String word = message.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        return Keyword.newKeyword(word.isEmpty() ? "error" : word);
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) return true;
        }
        return false;
    }
}
