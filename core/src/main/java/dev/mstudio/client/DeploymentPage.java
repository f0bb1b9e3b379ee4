package dev.mstudio.client;

import java.util.List;

/** One page of {@code GET /api/v1/deployments}: {@code output{deployments[],total,page_no,page_size}}. */
public record DeploymentPage(List<Deployment> deployments, int total, int pageNo, int pageSize, String requestId) {
    public DeploymentPage {
        deployments = List.copyOf(deployments);
    }

    public boolean hasNext() {
        return (long) pageNo * pageSize < total;
    }

    /** The same page as a {@link Page} of jobs, for what pages and watches every kind alike. */
    public Page<Deployment> toPage() {
        return new Page<>(deployments, total, pageNo, pageSize, requestId);
    }
}
