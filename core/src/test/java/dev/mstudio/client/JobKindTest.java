package dev.mstudio.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kind words users type, and what ends each kind: a deployment settles RUNNING, FAILED or STOPPED. */
class JobKindTest {

    @Test
    void parse_pluralSingularAndUniquePrefixes_ofEveryKind() {
        assertThat(JobKind.parse("imports")).hasValue(JobKind.IMPORT);
        assertThat(JobKind.parse("Fine-Tunes")).hasValue(JobKind.FINETUNE);
        assertThat(JobKind.parse("ft")).hasValue(JobKind.FINETUNE);
        assertThat(JobKind.parse("deployments")).hasValue(JobKind.DEPLOYMENT);
        assertThat(JobKind.parse("deployment")).hasValue(JobKind.DEPLOYMENT);
        assertThat(JobKind.parse("dep")).hasValue(JobKind.DEPLOYMENT);
        assertThat(JobKind.parse("deploys")).isEmpty();
        assertThat(JobKind.parse("")).isEmpty();
    }

    @Test
    void deployment_settlesRunningFailedOrStopped_andRunningIsItsSuccess() {
        JobKind kind = JobKind.DEPLOYMENT;

        assertThat(kind.statuses()).filteredOn(kind::isTerminal).containsExactly("RUNNING", "FAILED", "STOPPED");
        assertThat(kind.activeStatuses()).containsExactly("PENDING", "DEPLOYING", "UPDATING", "DELETING");
        assertThat(kind.isSuccess("running")).isTrue();
        assertThat(kind.isSuccess("STOPPED")).isFalse();
        assertThat(kind.isTerminal("WARMING")).as("an unknown status is not finished").isFalse();
        assertThat(kind.listFilters()).isFalse();
        assertThat(kind.noun()).isEqualTo("deployment");
        assertThat(JobKind.IMPORT.noun()).isEqualTo("import job");
    }

    @Test
    void jobs_keepTheirSuccessStatus() {
        assertThat(JobKind.IMPORT.isSuccess("SUCCESSED")).isTrue();
        assertThat(JobKind.FINETUNE.isSuccess("SUCCEEDED")).isTrue();
        assertThat(JobKind.FINETUNE.isSuccess("RUNNING")).isFalse();
        assertThat(JobKind.IMPORT.listFilters()).isTrue();
    }
}
