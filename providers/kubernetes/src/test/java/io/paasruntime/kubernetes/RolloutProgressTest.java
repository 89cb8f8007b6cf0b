package io.paasruntime.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import org.junit.jupiter.api.Test;

import static io.paasruntime.kubernetes.RolloutProgress.State.DONE;
import static io.paasruntime.kubernetes.RolloutProgress.State.FAILED;
import static io.paasruntime.kubernetes.RolloutProgress.State.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

class RolloutProgressTest {

    @Test
    void waitsUntilTheControllerHasSeenTheLatestGeneration() {
        assertThat(progress(3, 2, status(2).withReplicas(2).withUpdatedReplicas(2).withAvailableReplicas(2)).state()).isEqualTo(WAITING);
        assertThat(progress(3, 2, null).state()).isEqualTo(WAITING);
    }

    @Test
    void waitsForUpdatedReplicasThenForOldOnesToGoThenForAvailability() {
        assertThat(progress(2, 3, status(3).withReplicas(3).withUpdatedReplicas(1).withAvailableReplicas(3)).detail())
                .contains("1 of 2 replicas updated");
        assertThat(progress(2, 3, status(3).withReplicas(3).withUpdatedReplicas(2).withAvailableReplicas(3)).detail())
                .contains("1 old replicas pending termination");
        assertThat(progress(2, 3, status(3).withReplicas(2).withUpdatedReplicas(2).withAvailableReplicas(1)).detail())
                .contains("1 of 2 updated replicas available");
        assertThat(progress(2, 3, status(3).withReplicas(2).withUpdatedReplicas(2).withAvailableReplicas(2)).state()).isEqualTo(DONE);
    }

    @Test
    void zeroReplicasIsDoneOnceObserved() {
        assertThat(progress(0, 5, status(5)).state()).isEqualTo(DONE);
    }

    @Test
    void progressDeadlineExceededIsAFailureWithTheControllersMessage() {
        RolloutProgress p = progress(1, 1, status(1).addNewCondition().withType("Progressing").withStatus("False")
                .withReason("ProgressDeadlineExceeded").withMessage("timed out").endCondition());

        assertThat(p.state()).isEqualTo(FAILED);
        assertThat(p.detail()).isEqualTo("shop-web exceeded its progress deadline: timed out");
    }

    private static DeploymentStatusBuilder status(long observedGeneration) {
        return new DeploymentStatusBuilder().withObservedGeneration(observedGeneration);
    }

    private static RolloutProgress progress(int replicas, long generation, DeploymentStatusBuilder status) {
        DeploymentStatus built = status == null ? null : status.build();
        Deployment d = new DeploymentBuilder().withNewMetadata().withName("shop-web").withGeneration(generation).endMetadata()
                .withNewSpec().withReplicas(replicas).endSpec().withStatus(built).build();
        return RolloutProgress.of(d);
    }
}
