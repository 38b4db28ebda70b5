package dev.paperstream.support.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure that may pass by itself (PostgreSQL or the broker unreachable, a deadlock, an exhausted
 * pool, a timeout) from one that never will (a malformed or invalid record). Walks the whole cause chain,
 * because the transient root is usually wrapped by Hibernate, Narayana, Agroal or our own code.
 */
public final class Transience {
    private Transience() {
    }

    /** Whether {@code failure}, or anything in its cause chain, is transient (see {@link #reason}). */
    public static boolean isTransient(Throwable failure) {
        return reason(failure).isPresent();
    }

    /** Why {@code failure} is transient, for the log; empty when it is not. */
    public static Optional<String> reason(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            Optional<String> own = ownReason(t);
            if (own.isPresent()) {
                return own;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (seen.put(suppressed, Boolean.TRUE) == null && ownReason(suppressed).isPresent()) {
                    return ownReason(suppressed);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> ownReason(Throwable t) {
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && transientSqlState(state)) {
                return Optional.of("SQLState " + state + ": " + sql.getMessage());
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return Optional.of(t.getClass().getSimpleName() + ": " + sql.getMessage());
            }
            if (sql.getMessage() != null && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return Optional.of("connection pool exhausted: " + sql.getMessage());
            }
            return Optional.empty();
        }
        if (t instanceof RetriableException) {
            return Optional.of("Kafka " + t.getClass().getSimpleName() + ": " + t.getMessage());
        }
        if (t instanceof java.util.concurrent.TimeoutException) {
            return Optional.of("timeout: " + t.getMessage());
        }
        if (t instanceof ConnectException) {
            return Optional.of("cannot connect: " + t.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Class 08 (connection exception), 40001 (serialization failure), 40P01 (deadlock), class 53
     * (insufficient resources: too many connections, out of memory or disk), 57014 (statement timeout or
     * cancel), 57P01-57P03 (administrator shutdown, crash shutdown, cannot connect now: starting up or
     * shutting down).
     */
    static boolean transientSqlState(String state) {
        return state.startsWith("08") || state.startsWith("53") || state.equals("40001") || state.equals("40P01")
                || state.equals("57014") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
