package dev.mstudio.command;

import dev.mstudio.client.CreateDeploymentRequest;
import dev.mstudio.client.Deployment;
import dev.mstudio.client.DeploymentPage;
import dev.mstudio.client.JobKind;
import dev.mstudio.command.Result.Column;
import dev.mstudio.command.Result.Field;
import dev.mstudio.command.Result.ValueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** /deployments, /deployment ID|scale|delete, /deploy MODEL and /finetune export. */
final class DeploymentCommands {
    private static final List<Column> COLUMNS = List.of(new Column("DEPLOYED MODEL", ValueType.ID),
            new Column("STATUS", ValueType.DEPLOYMENT_STATUS), new Column("MODEL", ValueType.TEXT),
            new Column("CAPACITY", ValueType.NUMBER), new Column("READY", ValueType.NUMBER),
            new Column("CREATED", ValueType.TIME));

    Result list(Session session, Command command, Context context) throws IOException {
        Integer page = command.get(Declarations.PAGE);
        Integer size = command.get(Declarations.SIZE);
        DeploymentPage deployments = session.jobs().client().listDeployments(page == null ? 1 : page,
                size == null ? 10 : size);
        List<List<Object>> rows = new ArrayList<>();
        List<com.fasterxml.jackson.databind.JsonNode> json = new ArrayList<>();
        for (Deployment deployment : deployments.deployments()) {
            remember(session, deployment);
            rows.add(Arrays.asList(deployment.deployedModel(), deployment.status(), deployment.modelName(),
                    deployment.capacity(), deployment.readyCapacity(), JobViews.time(deployment.gmtCreate())));
            json.add(deployment.raw());
        }
        String footer = JobViews.count(deployments.total(), "deployment") + ", page " + deployments.pageNo()
                + (deployments.hasNext() ? "; --page " + (deployments.pageNo() + 1) + " shows more" : "")
                + ". Running deployments bill until deleted.";
        return new Result.Table("Deployments", COLUMNS, rows, footer, JobViews.array(json));
    }

    Result show(Session session, Command command, Context context) throws IOException {
        String id = command.get(Declarations.ID);
        return id == null ? list(session, command, context)
                : detail(session, session.jobs().client().getDeployment(id), command);
    }

    Result deploy(Session session, Command command, Context context) throws Exception {
        Integer capacity = command.get(WorkflowDeclarations.CAPACITY);
        Deployment deployment = session.jobs().client().createDeployment(new CreateDeploymentRequest(
                command.get(WorkflowDeclarations.MODEL_NAME), capacity == null ? 1 : capacity,
                command.get(WorkflowDeclarations.PLAN), command.get(WorkflowDeclarations.SUFFIX)));
        remember(session, deployment);
        String text = "Deploying " + deployment.modelName() + " as " + deployment.deployedModel() + " ("
                + deployment.status() + "). It bills until deleted.";
        if (command.has(WorkflowDeclarations.WAIT)) {
            return Declarations.WAITS.after(session, text, deployment.deployedModel());
        }
        return new Result.Message(Result.Level.SUCCESS, text, 0, deployment.raw());
    }

    Result scale(Session session, Command command, Context context) throws IOException {
        Integer capacity = command.get(WorkflowDeclarations.CAPACITY);
        if (capacity == null) {
            throw new IllegalArgumentException("--capacity N is required");
        }
        Deployment deployment = session.jobs().client().scaleDeployment(command.get(Declarations.ID), capacity);
        remember(session, deployment);
        return new Result.Message(Result.Level.SUCCESS, "Scaling " + deployment.deployedModel() + " to " + capacity
                + " (" + deployment.status() + ").", 0, deployment.raw());
    }

    Result delete(Session session, Command command, Context context) throws IOException {
        String id = command.get(Declarations.ID);
        session.jobs().delete(JobKind.DEPLOYMENT, id);
        session.names().forgetDeployment(id);
        return new Result.Message(Result.Level.SUCCESS, "Deleted deployment " + id + "; it no longer bills.", 0,
                JobViews.object("deployed_model", id, "status", "success"));
    }

    Result export(Session session, Command command, Context context) throws IOException {
        String id = command.get(Declarations.ID);
        String checkpoint = command.get(WorkflowDeclarations.CHECKPOINT);
        String name = command.get(Declarations.NAME);
        if (!session.jobs().client().exportCheckpoint(id, checkpoint, name)) {
            return Result.Failure.of("DashScope did not export " + checkpoint + " of " + id + ".",
                    "Check that the checkpoint has not expired: /finetune checkpoints " + id);
        }
        String slash = command.slash() ? "/" : "";
        return new Result.Message(Result.Level.SUCCESS, "Exported " + checkpoint + " of " + id + " as model " + name
                + ". " + slash + "deploy " + name + " serves it.", 0,
                JobViews.object("model_name", name, "exported", "true"));
    }

    static String askDeploy(Session session, Command command) {
        Integer capacity = command.get(WorkflowDeclarations.CAPACITY);
        String plan = command.get(WorkflowDeclarations.PLAN);
        return "Deploy " + command.get(WorkflowDeclarations.MODEL_NAME) + " with " + (capacity == null ? 1 : capacity)
                + " instance(s)" + (plan == null ? "" : ", plan " + plan) + "? It bills until deleted.";
    }

    static String askScale(Session session, Command command) throws IOException {
        Deployment deployment = session.jobs().client().getDeployment(command.get(Declarations.ID));
        return "Scale " + deployment.deployedModel() + " from " + deployment.capacity() + " to "
                + command.get(WorkflowDeclarations.CAPACITY) + " instance(s)?";
    }

    static String askDelete(Session session, Command command) throws IOException {
        Deployment deployment = session.jobs().client().getDeployment(command.get(Declarations.ID));
        return "Delete deployment " + deployment.deployedModel() + " (" + deployment.modelName() + ", "
                + deployment.status() + ")? It stops serving.";
    }

    static String askExport(Session session, Command command) {
        return "Export " + command.get(WorkflowDeclarations.CHECKPOINT) + " of " + command.get(Declarations.ID)
                + " as model " + command.get(Declarations.NAME) + "?";
    }

    /**
     * One deployment, offering what can be done with it next as commands of {@code asked}'s language:
     * Refresh, Watch (while it has not settled) and Delete (it bills until deleted).
     */
    static Result.Detail detail(Session session, Deployment deployment, Command asked) {
        Result.Detail detail = detail(session, deployment);
        String name = deployment.deployedModel();
        List<Result.FollowUp> followUps = new java.util.ArrayList<>();
        followUps.add(new Result.FollowUp("Refresh", asked.sibling("deployment", Declarations.ID, name)));
        if (!deployment.kind().isTerminal(deployment.status())) {
            followUps.add(new Result.FollowUp("Watch", asked.sibling("watch", Declarations.IDS, List.of(name))));
        }
        followUps.add(new Result.FollowUp("Delete deployment",
                asked.sibling("deployment delete", Declarations.ID, name)));
        return new Result.Detail(detail.title(), detail.fields(), detail.json(), followUps);
    }

    static Result.Detail detail(Session session, Deployment deployment) {
        remember(session, deployment);
        List<Field> fields = List.of(new Field("Deployed model", deployment.deployedModel(), ValueType.ID),
                new Field("Status", deployment.status(), ValueType.DEPLOYMENT_STATUS),
                new Field("Model", deployment.modelName(), ValueType.TEXT),
                new Field("Base model", deployment.baseModel(), ValueType.TEXT),
                new Field("Capacity", deployment.capacity(), ValueType.NUMBER),
                new Field("Ready", deployment.readyCapacity(), ValueType.NUMBER),
                new Field("Charge type", deployment.chargeType(), ValueType.TEXT),
                new Field("Created", JobViews.time(deployment.gmtCreate()), ValueType.TIME),
                new Field("Modified", JobViews.time(deployment.gmtModified()), ValueType.TIME));
        return new Result.Detail("Deployment " + deployment.deployedModel(), fields, deployment.raw());
    }

    /** Offers the deployed model for completion (the index too, for /watch and /wait), and drops a stale cached copy. */
    static void remember(Session session, Deployment deployment) {
        session.names().deployment(deployment.deployedModel(), deployment.status() + " · " + deployment.modelName());
        session.jobs().record(deployment);
    }
}
