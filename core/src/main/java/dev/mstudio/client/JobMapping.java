package dev.mstudio.client;

import static dev.mstudio.client.JsonFields.array;
import static dev.mstudio.client.JsonFields.doubleValue;
import static dev.mstudio.client.JsonFields.field;
import static dev.mstudio.client.JsonFields.integer;
import static dev.mstudio.client.JsonFields.longValue;
import static dev.mstudio.client.JsonFields.strings;
import static dev.mstudio.client.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mstudio.json.JsonTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Maps the service's JSON to the value records: unknown fields kept in raw(), missing ones null. */
final class JobMapping {
    private static final int DEFAULT_PAGE_SIZE = 10;

    private JobMapping() {
    }

    static ImportJob importJob(JsonNode job) {
        JsonNode storage = field(job, "storage_info");
        StorageInfo storageInfo = storage == null ? null
                : new StorageInfo(text(storage, "bucket_name"), text(storage, "object_key"));
        return new ImportJob(
                text(job, "job_id"),
                text(job, "model_name"),
                text(job, "display_name"),
                text(job, "status"),
                text(job, "source"),
                text(job, "weight_type"),
                storageInfo,
                text(job, "error_code"),
                text(job, "gmt_create"),
                job);
    }

    static FineTuneJob fineTuneJob(JsonNode job) {
        JsonNode hyper = field(job, "hyper_parameters");
        return new FineTuneJob(
                text(job, "job_id"),
                text(job, "job_name"),
                text(job, "status"),
                text(job, "finetuned_output"),
                text(job, "model"),
                text(job, "base_model"),
                strings(job, "training_file_ids"),
                strings(job, "validation_file_ids"),
                hyper == null ? null : hyperParameters(hyper),
                text(job, "training_type"),
                text(job, "create_time"),
                text(job, "end_time"),
                text(job, "workspace_id"),
                text(job, "user_identity"),
                text(job, "modifier"),
                text(job, "creator"),
                text(job, "group"),
                longValue(job, "usage"),
                text(job, "code"),
                text(job, "message"),
                job);
    }

    static HyperParameters hyperParameters(JsonNode hyper) {
        return new HyperParameters(
                integer(hyper, "n_epochs"),
                integer(hyper, "batch_size"),
                integer(hyper, "max_length"),
                text(hyper, "learning_rate"),
                text(hyper, "lr_scheduler_type"),
                doubleValue(hyper, "split"));
    }

    static Checkpoint checkpoint(JsonNode node) {
        return new Checkpoint(
                text(node, "checkpoint_id"),
                text(node, "checkpoint"),
                text(node, "create_time"),
                text(node, "status"),
                integer(node, "step"),
                text(node, "model_name"),
                node);
    }

    /** output {total, page_no, page_size, list}; "jobs" is accepted too. */
    static Page<ImportJob> importPage(Reply reply, Integer askedPageNo, Integer askedPageSize) {
        return page(reply, JobMapping::importJob, askedPageNo, askedPageSize, "list", "jobs");
    }

    /** output {page_no, page_size, total, jobs}; "list" is accepted too. */
    static Page<FineTuneJob> fineTunePage(Reply reply, Integer askedPageNo, Integer askedPageSize) {
        return page(reply, JobMapping::fineTuneJob, askedPageNo, askedPageSize, "jobs", "list");
    }

    /** output {total, logs}; logs sent as one string are split into lines. */
    static LogPage logPage(Reply reply) {
        JsonNode output = reply.requireObject("a log object");
        JsonNode logs = field(output, "logs");
        List<String> lines = logs != null && logs.isTextual()
                ? List.of(logs.asText().split("\\R", -1))
                : strings(output, "logs");
        Integer total = integer(output, "total");
        return new LogPage(total == null ? lines.size() : total, lines, reply.requestId());
    }

    /** output is an array of checkpoints (an object wrapping "checkpoints" or "list" is accepted). */
    static List<Checkpoint> checkpoints(Reply reply) {
        JsonNode output = reply.output();
        JsonNode items = output.isArray() ? output : array(output, "checkpoints", "list");
        if (items == null) {
            throw reply.unexpected("output is not a list of checkpoints (" + output.getNodeType() + ")");
        }
        List<Checkpoint> out = new ArrayList<>();
        items.forEach(item -> out.add(checkpoint(item)));
        return out;
    }

    private static <T extends Job> Page<T> page(Reply reply, Function<JsonNode, T> mapper,
            Integer askedPageNo, Integer askedPageSize, String itemsField, String alternative) {
        JsonNode output = reply.requireObject("a page of jobs");
        JsonNode items = items(reply, output, itemsField, alternative);
        List<T> jobs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            jobs.add(mapper.apply(requireJob(reply, items.get(i), itemsField + "[" + i + "]")));
        }
        Integer total = count(reply, output, "total");
        Integer pageNo = count(reply, output, "page_no");
        Integer pageSize = count(reply, output, "page_size");
        return new Page<>(jobs,
                total == null ? jobs.size() : total,
                firstPositive(pageNo, askedPageNo, 1),
                firstPositive(pageSize, askedPageSize, DEFAULT_PAGE_SIZE),
                reply.requestId());
    }

    /**
     * The job object as the contract promises it: an object whose {@code job_id} is a non-blank
     * scalar and whose {@code status}, when present, is one too.
     *
     * @throws ApiException "Unexpected response from DashScope: ..." naming what is wrong
     */
    static JsonNode requireJob(Reply reply, JsonNode job, String where) {
        if (job == null || !job.isObject()) {
            throw reply.unexpected(where + " is not a job object (" + (job == null ? "missing" : job.getNodeType()) + ")");
        }
        String id = text(job, "job_id");
        if (id == null || id.isBlank()) {
            throw reply.unexpected(where + " has no job_id");
        }
        JsonNode status = job.get("status");
        if (status != null && !status.isNull() && !status.isValueNode()) {
            throw reply.unexpected(where + " (job " + id + ") has a status that is not text (" + status.getNodeType() + ")");
        }
        return job;
    }

    /** The array of jobs: absent only when the page says it is empty; null or another type is unexpected. */
    private static JsonNode items(Reply reply, JsonNode output, String itemsField, String alternative) {
        JsonNode items = array(output, itemsField, alternative);
        if (items != null) {
            return items;
        }
        String present = output.has(itemsField) ? itemsField : output.has(alternative) ? alternative : null;
        if (present != null) {
            JsonNode value = output.get(present);
            throw reply.unexpected("\"" + present + "\" is " + (value.isNull() ? "null" : value.getNodeType().toString())
                    + ", not a list of jobs");
        }
        Integer total = count(reply, output, "total");
        if (total != null && total > 0) {
            throw reply.unexpected("no \"" + itemsField + "\" in a page of " + total + " jobs");
        }
        return JsonTrees.array();
    }

    /** A count that is absent (null), or a whole number; anything else is unexpected. */
    private static Integer count(Reply reply, JsonNode output, String name) {
        JsonNode value = field(output, name);
        Integer count = integer(output, name);
        if (value != null && (count == null || count < 0)) {
            throw reply.unexpected("\"" + name + "\" is not a count (" + shown(value) + ")");
        }
        return count;
    }

    private static String shown(JsonNode value) {
        String text = value.isValueNode() ? value.toString() : value.getNodeType().toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static int firstPositive(Integer sent, Integer asked, int fallback) {
        if (sent != null && sent > 0) {
            return sent;
        }
        return asked != null && asked > 0 ? asked : fallback;
    }
}
