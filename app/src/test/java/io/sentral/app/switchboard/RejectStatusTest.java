package io.sentral.app.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.switchboard.QueueName;
import io.sentral.routing.queue.RejectReason;
import org.junit.jupiter.api.Test;

/** The SIP status per reject reason, in one place (ARCHITECTURE rule 9). */
class RejectStatusTest {
    private static final QueueName SALES = QueueName.of("Salg og service");

    @Test
    void aFullQueueIsBusyHere() {
        assertThat(RejectStatus.of(SALES, RejectReason.QUEUE_FULL))
                .isEqualTo(new RejectStatus(486, "Busy Here (queue Salg og service is full)"));
    }

    @Test
    void maxWaitIsTemporarilyUnavailableNotATimeout() {
        assertThat(RejectStatus.of(SALES, RejectReason.TIMED_OUT)).isEqualTo(new RejectStatus(480,
                "Temporarily Unavailable (queue Salg og service: nobody answered within max wait)"));
    }

    @Test
    void anOverflowLoopIsTemporarilyUnavailable() {
        assertThat(RejectStatus.of(SALES, RejectReason.OVERFLOW_LOOP).code()).isEqualTo(480);
        assertThat(RejectStatus.of(SALES, RejectReason.OVERFLOW_LOOP).reasonPhrase()).contains("Salg og service");
    }

    @Test
    void everyReasonHasAFinalErrorStatus() {
        for (RejectReason reason : RejectReason.values()) {
            assertThat(RejectStatus.of(SALES, reason).code()).isBetween(400, 699);
        }
    }
}
