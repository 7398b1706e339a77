package io.bulwark.service.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.service.consumer.FailureClassifier.Failure;
import io.bulwark.service.consumer.FailureClassifier.Kind;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class FailureClassifierTest {

    /** What the binder and the container wrap a consumer's exception in. */
    private static Exception wrapped(Throwable cause) {
        return new ListenerExecutionFailedException(
                "Listener failed", new MessageHandlingException(new GenericMessage<>("x"), "handler failed", cause));
    }

    @Test
    void anUnreachableDatabaseIsInfrastructureBelowTheBinderAndContainerWrappers() {
        Failure noConnection = FailureClassifier.classify(wrapped(new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction", new ConnectException("Connection refused"))));
        assertThat(noConnection.kind()).isEqualTo(Kind.INFRASTRUCTURE);
        assertThat(noConnection.resource()).isEqualTo(FailureClassifier.DATABASE);
        assertThat(noConnection.reason())
                .isEqualTo("CannotCreateTransactionException: Could not open JDBC Connection for transaction"
                        + " caused by ConnectException: Connection refused");

        assertThat(FailureClassifier.classify(wrapped(new DataAccessResourceFailureException("gone")))
                        .resource())
                .isEqualTo(FailureClassifier.DATABASE);
        assertThat(FailureClassifier.classify(wrapped(new SQLTransientConnectionException("pool timed out")))
                        .resource())
                .isEqualTo(FailureClassifier.DATABASE);
    }

    @Test
    void aFailedRollbackIsJudgedByTheFailureItRolledBack() {
        TransactionSystemException rollback =
                new TransactionSystemException("Could not roll back JDBC transaction", new SQLException("closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("An I/O error occurred"));

        assertThat(FailureClassifier.classify(wrapped(rollback)).kind()).isEqualTo(Kind.INFRASTRUCTURE);
        assertThat(FailureClassifier.classify(wrapped(new TransactionSystemException("no application exception")))
                        .kind())
                .isEqualTo(Kind.OTHER);
    }

    @Test
    void sqlStatesOfALostConnectionOrAServerGoingDownOrComingUpAreInfrastructure() {
        for (String state : new String[] {"08001", "08006", "57P01", "57P02", "57P03"}) {
            assertThat(FailureClassifier.classify(wrapped(new RuntimeException(new SQLException("x", state)))))
                    .as(state)
                    .extracting(Failure::kind, Failure::resource)
                    .containsExactly(Kind.INFRASTRUCTURE, FailureClassifier.DATABASE);
        }
        assertThat(FailureClassifier.classify(wrapped(new SQLException("duplicate key", "23505")))
                        .kind())
                .isEqualTo(Kind.OTHER);
        assertThat(FailureClassifier.classify(wrapped(new DataIntegrityViolationException("duplicate key")))
                        .kind())
                .as("a constraint broken is no outage")
                .isEqualTo(Kind.OTHER);
    }

    @Test
    void theObjectStoreKafkaAndOtherPeersAreNamedAsWhatIsUnreachable() {
        assertThat(FailureClassifier.classify(wrapped(new ObjectStoreException("503", null)))
                        .resource())
                .isEqualTo(FailureClassifier.OBJECT_STORE);
        assertThat(FailureClassifier.classify(wrapped(new ObjectNotFoundException("no such key")))
                        .kind())
                .as("a missing object is no outage")
                .isEqualTo(Kind.OTHER);
        assertThat(FailureClassifier.classify(wrapped(new org.springframework.kafka.KafkaException(
                        "Send failed", new org.apache.kafka.common.errors.TimeoutException("expired")))))
                .extracting(Failure::kind, Failure::resource)
                .containsExactly(Kind.INFRASTRUCTURE, FailureClassifier.KAFKA);
        assertThat(FailureClassifier.classify(wrapped(new ConnectException("Connection refused")))
                        .resource())
                .isEqualTo(FailureClassifier.NETWORK_PEER);
    }

    @Test
    void aRecordThatCannotBeReadOrBreaksARuleIsBadInput() {
        assertThat(FailureClassifier.classify(wrapped(new InvalidEventException("BackupCompleted: bad JSON", null))))
                .extracting(Failure::kind, Failure::reason)
                .containsExactly(Kind.BAD_INPUT, "InvalidEventException: BackupCompleted: bad JSON");
        assertThat(FailureClassifier.classify(wrapped(new MessageConversionException("no converter")))
                        .kind())
                .isEqualTo(Kind.BAD_INPUT);
        assertThat(FailureClassifier.classify(
                                wrapped(new DeserializationException("bad bytes", new byte[0], false, null)))
                        .kind())
                .isEqualTo(Kind.BAD_INPUT);
        assertThat(FailureClassifier.classify(wrapped(new IllegalArgumentException("backupId is required")))
                        .kind())
                .isEqualTo(Kind.BAD_INPUT);
    }

    @Test
    void anOutageWinsOverBadInputAndAnythingElseIsOther() {
        assertThat(FailureClassifier.classify(
                                wrapped(new IllegalArgumentException("wrapped", new SQLException("x", "08006"))))
                        .kind())
                .isEqualTo(Kind.INFRASTRUCTURE);
        assertThat(FailureClassifier.classify(wrapped(new IllegalStateException("bug")))
                        .kind())
                .isEqualTo(Kind.OTHER);
        assertThat(FailureClassifier.classify(null).kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException inner = new RuntimeException("inner");
        RuntimeException outer = new RuntimeException("outer", inner);
        inner.initCause(outer);
        assertThat(FailureClassifier.classify(outer).kind()).isEqualTo(Kind.OTHER);
    }
}
