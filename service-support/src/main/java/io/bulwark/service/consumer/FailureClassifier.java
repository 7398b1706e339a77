package io.bulwark.service.consumer;

import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.contracts.InvalidEventException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Sorts the exception a consumer threw into one of three {@link Kind}s, looking at it and every cause below it.
 *
 * <ul>
 *   <li>{@link Kind#INFRASTRUCTURE}: something the record needs is unreachable, retrying the same record later will
 *       succeed. The service's database: Spring's {@link TransientDataAccessException}, {@link
 *       DataAccessResourceFailureException} (so {@code CannotGetJdbcConnectionException}), {@link
 *       RecoverableDataAccessException}, {@link CannotCreateTransactionException}, JDBC's {@link
 *       SQLTransientConnectionException} and {@link SQLNonTransientConnectionException}, any {@link SQLException}
 *       of SQLState class {@code 08} (connection exception) or {@code 57P01..57P03} (PostgreSQL shutting down,
 *       crashed, starting up). The object store: {@link ObjectStoreException} but {@link ObjectNotFoundException}.
 *       Kafka: a retriable client error ({@code org.apache.kafka.common.errors.RetriableException}, e.g. a producer
 *       {@code TimeoutException}). Any other peer: {@link ConnectException}, {@link NoRouteToHostException}, {@link
 *       UnknownHostException}, another {@link SocketException}, an {@link InterruptedIOException} (socket timeout).
 *   <li>{@link Kind#BAD_INPUT}: the record itself is wrong, a retry cannot help: {@link InvalidEventException}
 *       (malformed JSON, a missing field, a rule the event breaks), {@link MessageConversionException}, Spring
 *       Kafka's {@code DeserializationException}, Jakarta's {@code ValidationException}, {@link
 *       IllegalArgumentException}.
 *   <li>{@link Kind#OTHER}: anything else (a bug, a constraint violation, an unexpected state).
 * </ul>
 *
 * <p>Infrastructure wins over bad input when a chain holds both (a database outage may surface inside a wrapper
 * exception of the application). Stateless and thread-safe.
 */
public final class FailureClassifier {

    /** What kind of failure an exception is. */
    public enum Kind {
        /** Something the record needs is unreachable; wait and retry the same record. */
        INFRASTRUCTURE,
        /** The record is wrong; dead-letter it at once. */
        BAD_INPUT,
        /** Neither; a few retries, then dead-letter it. */
        OTHER
    }

    /**
     * The verdict on one exception.
     *
     * @param kind the kind of failure
     * @param resource for {@link Kind#INFRASTRUCTURE}, what is unreachable in words ({@code the database}, {@code the
     *     object store}, {@code Kafka}, {@code a network peer}); empty otherwise
     * @param reason the class and message of the exception that decided, e.g. {@code ConnectException: Connection
     *     refused}; never null
     */
    public record Failure(Kind kind, String resource, String reason) {
        public Failure {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The database outage resource label. */
    public static final String DATABASE = "the database";

    /** The object store outage resource label. */
    public static final String OBJECT_STORE = "the object store";

    /** The Kafka outage resource label. */
    public static final String KAFKA = "Kafka";

    /** The label of any other unreachable peer. */
    public static final String NETWORK_PEER = "a network peer";

    private static final int MAX_DEPTH = 32;
    private static final List<String> BAD_INPUT_CLASS_NAMES = List.of(
            "org.springframework.kafka.support.serializer.DeserializationException",
            "jakarta.validation.ValidationException");
    private static final String KAFKA_RETRIABLE = "org.apache.kafka.common.errors.RetriableException";

    private FailureClassifier() {}

    /**
     * Classifies {@code thrown}.
     *
     * @param thrown what the consumer threw, possibly wrapped by the binder or the listener container; null gives
     *     {@link Kind#OTHER}
     * @return the verdict; never null
     */
    public static Failure classify(Throwable thrown) {
        List<Throwable> chain = chain(thrown);
        for (Throwable t : chain) {
            String resource = infrastructure(t);
            if (resource != null) {
                return new Failure(Kind.INFRASTRUCTURE, resource, reason(t, chain));
            }
        }
        for (Throwable t : chain) {
            if (badInput(t)) {
                return new Failure(Kind.BAD_INPUT, "", reason(t, chain));
            }
        }
        return new Failure(Kind.OTHER, "", thrown == null ? "unknown" : reason(thrown, chain));
    }

    private static String infrastructure(Throwable t) {
        if (t instanceof TransientDataAccessException
                || t instanceof DataAccessResourceFailureException
                || t instanceof RecoverableDataAccessException
                || t instanceof CannotCreateTransactionException
                || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException) {
            return DATABASE;
        }
        if (t instanceof SQLException sql && unreachableState(sql.getSQLState())) {
            return DATABASE;
        }
        if (t instanceof ObjectStoreException && !(t instanceof ObjectNotFoundException)) {
            return OBJECT_STORE;
        }
        if (isA(t, KAFKA_RETRIABLE)) {
            return KAFKA;
        }
        if (t instanceof SocketException || t instanceof UnknownHostException || t instanceof InterruptedIOException) {
            return NETWORK_PEER;
        }
        return null;
    }

    /** SQLState class 08 (connection exception) or PostgreSQL's 57P01..57P03 (shutdown, crash, start-up). */
    static boolean unreachableState(String state) {
        return state != null
                && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }

    private static boolean badInput(Throwable t) {
        if (t instanceof InvalidEventException
                || t instanceof MessageConversionException
                || t instanceof IllegalArgumentException) {
            return true;
        }
        for (String name : BAD_INPUT_CLASS_NAMES) {
            if (isA(t, name)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code t}'s class or a superclass is named {@code className} (the class may not be present). */
    private static boolean isA(Throwable t, String className) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    /** The deciding exception and, when it wraps one, the root cause: class simple names and messages. */
    private static String reason(Throwable decided, List<Throwable> chain) {
        StringBuilder text = new StringBuilder(describe(decided));
        Throwable root = chain.getLast();
        String rootMessage = root.getMessage();
        boolean told = rootMessage != null && text.indexOf(firstLine(rootMessage)) >= 0;
        if (root != decided && !told) {
            text.append(" caused by ").append(describe(root));
        }
        return text.toString();
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static List<Throwable> chain(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = thrown;
                t != null && chain.size() < MAX_DEPTH && seen.put(t, Boolean.TRUE) == null;
                t = t.getCause()) {
            chain.add(t);
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                // a rollback that failed too hides the failure that started it (TransactionTemplate: "application
                // exception overridden by rollback exception"): that failure decides as well
                for (Throwable a = rollback.getApplicationException();
                        a != null && chain.size() < MAX_DEPTH && seen.put(a, Boolean.TRUE) == null;
                        a = a.getCause()) {
                    chain.add(a);
                }
            }
        }
        return chain;
    }
}
