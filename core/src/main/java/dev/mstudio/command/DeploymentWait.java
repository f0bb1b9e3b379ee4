package dev.mstudio.command;

import dev.mstudio.client.Deployment;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits for a deployment to settle by polling it every follow interval: RUNNING is success (exit
 * 0), FAILED or STOPPED is failure (1), the deadline passing is 2. PENDING, DEPLOYING, UPDATING,
 * DELETING and any unknown status keep it waiting.
 */
final class DeploymentWait {
    private DeploymentWait() {
    }

    static Result.Message until(Session session, Deployment start) throws IOException, InterruptedException {
        return until(session, start, null);
    }

    static Result.Message until(Session session, Deployment start, Duration timeout)
            throws IOException, InterruptedException {
        Instant deadline = timeout == null ? null : session.clock().instant().plus(timeout);
        Deployment last = start;
        session.host().progress("deployment " + last.deployedModel() + ": " + last.status());
        while (!last.settled()) {
            if (deadline != null && !session.clock().instant().isBefore(deadline)) {
                return new Result.Message(Result.Level.WARNING, "Timed out waiting for deployment "
                        + last.deployedModel() + "; it is still " + last.status() + ".", WaitCommand.TIMEOUT_EXIT,
                        last.raw());
            }
            session.sleeper().sleep(session.followInterval());
            Deployment seen = session.jobs().client().getDeployment(last.deployedModel());
            if (!seen.status().equals(last.status())) {
                session.host().progress("deployment " + seen.deployedModel() + ": " + last.status() + " → "
                        + seen.status());
            }
            last = seen;
            DeploymentCommands.remember(session, last);
        }
        boolean running = last.running();
        return new Result.Message(running ? Result.Level.SUCCESS : Result.Level.WARNING, "Deployment "
                + last.deployedModel() + (running ? " is RUNNING." : " ended " + last.status() + "."),
                running ? 0 : 1, last.raw());
    }
}
