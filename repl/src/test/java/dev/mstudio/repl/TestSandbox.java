package dev.mstudio.repl;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.CreateDeploymentRequest;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.FineTuneQuery;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.ImportQuery;
import dev.mstudio.client.Job;
import dev.mstudio.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** An in-process sandbox on 127.0.0.1 with the demo workspace, and the environment that points mstudio at it. */
final class TestSandbox implements AutoCloseable {
    final Sandbox sandbox;
    private final DashScopeClient client;

    TestSandbox() {
        sandbox = Sandbox.builder().port(0).random(20241029L).build().start().seedDemo();
        client = DashScopeClient.builder().config(ClientConfig.of(sandbox.baseUrl(), "sk-test")).build();
    }

    Map<String, String> env() {
        return Map.of(ClientConfig.ENV_API_KEY, "sk-test", ClientConfig.ENV_BASE_URL, sandbox.baseUrl());
    }

    Map<String, String> env(String name, String value) {
        return Map.of(ClientConfig.ENV_API_KEY, "sk-test", ClientConfig.ENV_BASE_URL, sandbox.baseUrl(), name, value);
    }

    List<ImportJob> imports() {
        try {
            return client.listImports(new ImportQuery(1, 100, null, null)).items();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An import job that is neither SUCCESSED nor FAILED yet; its status is frozen so tests control it. */
    String activeImport() {
        String id = imports().stream().filter(job -> !job.terminal()).map(Job::id).findFirst().orElseThrow();
        sandbox.forceStatus(id, "RUNNING");
        return id;
    }

    /** A running fine-tune job, frozen so that it only changes when a test forces it. */
    String activeFineTune() {
        try {
            String id = client.listFineTunes(new FineTuneQuery(1, 100, null, null)).items().stream()
                    .filter(job -> !job.terminal()).map(Job::id).findFirst().orElseThrow();
            sandbox.forceStatus(id, "RUNNING");
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new deployment of qwen3-14b, frozen PENDING so that it only changes when a test forces it; its name. */
    String pendingDeployment(String suffix) {
        try {
            String id = client.createDeployment(new CreateDeploymentRequest("qwen3-14b", 1, null, suffix)).deployedModel();
            sandbox.forceStatus(id, "PENDING");
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An import ID whose first three characters start no other import ID. */
    String importWithUniquePrefix() {
        List<String> ids = imports().stream().map(Job::id).toList();
        return ids.stream().filter(id -> ids.stream().filter(other -> other.startsWith(id.substring(0, 3))).count() == 1)
                .findFirst().orElseThrow();
    }

    boolean importExists(String id) {
        return imports().stream().anyMatch(job -> job.id().equals(id));
    }

    @Override
    public void close() {
        client.close();
        sandbox.close();
    }
}
