package dev.paperstream.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.paperstream.events.InvalidEventException;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class TransienceTest {

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void postgresNotListeningIsTransientAsTheDriverReportsIt() throws Exception {
        Throwable refused = catchThrowable(() -> DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + closedPort() + "/paperstream?connectTimeout=2", "u", "p"));

        assertThat(refused).isInstanceOf(PSQLException.class);
        assertThat(((SQLException) refused).getSQLState()).startsWith("08");
        assertThat(Transience.isTransient(refused)).isTrue();
        // as a consumer sees it: wrapped by our own code and the transaction manager
        assertThat(Transience.isTransient(new RuntimeException("ARJUNA rollback",
                new IllegalStateException("cannot record processed events", refused)))).isTrue();
    }

    @Test
    void deadlockSerializationFailureShutdownAndTooManyConnectionsAreTransient() {
        assertThat(Transience.isTransient(new PSQLException("deadlock detected", PSQLState.DEADLOCK_DETECTED))).isTrue();
        assertThat(Transience.isTransient(new PSQLException("could not serialize access",
                PSQLState.SERIALIZATION_FAILURE))).isTrue();
        assertThat(Transience.isTransient(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(Transience.isTransient(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(Transience.isTransient(new SQLException("sorry, too many clients already", "53300"))).isTrue();
        assertThat(Transience.isTransient(new SQLException("canceling statement due to statement timeout",
                "57014"))).isTrue();
    }

    @Test
    void anExhaustedPoolIsTransient() {
        // Agroal's shape: a plain SQLException without SQLState
        assertThat(Transience.isTransient(new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
        assertThat(Transience.isTransient(new SQLTransientConnectionException("pool closed"))).isTrue();
    }

    @Test
    void anUnreachableBrokerAndATimeoutAreTransient() {
        assertThat(Transience.isTransient(new IllegalStateException("cannot dead-letter",
                new ExecutionException(new TimeoutException("Topic dlq not present in metadata after 10000 ms."))))).isTrue();
        assertThat(Transience.isTransient(new java.util.concurrent.TimeoutException())).isTrue();
        assertThat(Transience.isTransient(new java.net.ConnectException("Connection refused"))).isTrue();
    }

    @Test
    void aRecordThatCanNeverBeStoredIsNotTransient() {
        assertThat(Transience.isTransient(new InvalidEventException("expected ce_type x but got y", null))).isFalse();
        assertThat(Transience.isTransient(new IllegalArgumentException("paper.scored needs an arXiv id"))).isFalse();
        assertThat(Transience.isTransient(new IllegalStateException("cannot record processed event",
                new PSQLException("duplicate key value violates unique constraint", PSQLState.UNIQUE_VIOLATION))))
                .isFalse();
        assertThat(Transience.isTransient(new PSQLException("value too long", PSQLState.STRING_DATA_RIGHT_TRUNCATION)))
                .isFalse();
        assertThat(Transience.isTransient(new RecordTooLargeException("over 1 MB"))).isFalse();
    }

    @Test
    void aCauseChainWithACycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(Transience.isTransient(a)).isFalse();
    }
}
