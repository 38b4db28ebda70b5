package dev.paperstream.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.BrokerNotAvailableException;
import org.apache.kafka.common.errors.DisconnectException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class BrokerRefusalsTest {
    @Test
    void errorsAboutTheEventItselfPark() {
        List<Exception> refusals = List.of(new RecordTooLargeException("The message is 2097400 bytes"),
                new RecordBatchTooLargeException("batch"), new InvalidTopicException("bad name"),
                new InvalidRecordException("compacted topic needs a key"), new SerializationException("cannot"));
        assertThat(refusals).allMatch(BrokerRefusals::refusesTheEvent);
    }

    @Test
    void anUnavailableBrokerATimeoutOrAClusterProblemIsRetriedNeverParked() {
        List<Exception> passing = List.of(new TimeoutException("Expiring 3 record(s)"),
                new BrokerNotAvailableException("down"), new NetworkException("reset"), new DisconnectException(),
                new NotEnoughReplicasException("isr"), new NotLeaderOrFollowerException("moved"),
                new UnknownTopicOrPartitionException("not yet created"), new OutOfOrderSequenceException("seq"),
                new TopicAuthorizationException("ACL"), new AuthorizationException("ACL"),
                new IllegalStateException("producer closed"));
        assertThat(passing).noneMatch(BrokerRefusals::refusesTheEvent);
        assertThat(BrokerRefusals.refusesTheEvent(null)).isFalse();
    }

    @Test
    void theReasonNamesTheErrorAndWhatTheClientSaid() {
        assertThat(BrokerRefusals.reason(new RecordTooLargeException("The message is 2097400 bytes")))
                .isEqualTo("RecordTooLargeException: The message is 2097400 bytes");
        assertThat(BrokerRefusals.reason(new InvalidTopicException())).isEqualTo("InvalidTopicException");
    }
}
