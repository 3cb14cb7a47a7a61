package io.sentral.sip.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** All work of one call runs on one lane: our own legs' Call-IDs carry the lane. */
class CallLanesTest {

    @Test
    void markedCallIdsLandOnTheirLane() {
        try (CallLanes lanes = new CallLanes(4)) {
            for (int lane = 0; lane < 4; lane++) {
                assertThat(lanes.laneOf(CallLanes.markedCallId("abc123", lane, "127.0.0.1"))).isEqualTo(lane);
            }
        }
    }

    @Test
    void foreignCallIdsAreSpreadByHashAndStable() {
        try (CallLanes lanes = new CallLanes(4)) {
            String id = "a84b4c76e66710@pc33.atlanta.example.com";
            assertThat(lanes.laneOf(id)).isEqualTo(lanes.laneOf(id)).isBetween(0, 3);
            assertThat(lanes.laneOf("x-lfoo@host")).isBetween(0, 3);
        }
    }

    @Test
    void aLegThatJoinedAnotherCallRunsOnThatCallsLaneUntilForgotten_S8() {
        try (CallLanes lanes = new CallLanes(4)) {
            String leg = CallLanes.markedCallId("carol-leg", 1, "127.0.0.1");
            lanes.move(leg, 3);
            assertThat(lanes.laneOf(leg)).isEqualTo(3);
            lanes.forget(leg);
            assertThat(lanes.laneOf(leg)).isEqualTo(1);
        }
    }
}
