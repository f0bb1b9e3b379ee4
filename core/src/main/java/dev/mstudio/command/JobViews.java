package dev.mstudio.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.client.Checkpoint;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.client.LogPage;
import dev.mstudio.client.Page;
import dev.mstudio.client.Times;
import dev.mstudio.command.Result.Column;
import dev.mstudio.command.Result.Field;
import dev.mstudio.command.Result.ValueType;
import dev.mstudio.paging.JobQuery;
import dev.mstudio.paging.Listing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Jobs as results: a listing as a table, one job as a detail, each with the API's JSON. */
final class JobViews {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<Column> COLUMNS = List.of(new Column("ID", ValueType.ID),
            new Column("STATUS", ValueType.STATUS), new Column("MODEL", ValueType.TEXT),
            new Column("NAME", ValueType.TEXT), new Column("CREATED", ValueType.TIME));

    private JobViews() {
    }

    /** The page a listing shows, with "page 1 of 3 · 27 jobs · /next for more" below it. */
    static Result.Table table(Listing listing, Command asked) {
        boolean slash = asked.slash();
        JobQuery query = listing.query();
        Page<Job> page = listing.current();
        List<List<Object>> rows = new ArrayList<>();
        for (Job job : page.items()) {
            rows.add(java.util.Arrays.asList(job.id(), job.status(), job.model(), job.displayName(), job.createdAt()));
        }
        String footer = "page " + listing.pageNo() + " of " + listing.pageCount() + " · " + count(listing.total(), "job");
        if (listing.hasNext()) {
            footer += " · " + (slash ? "/" : "") + "next for more";
        } else if (listing.pageNo() > listing.pageCount()) {
            footer += " · past the last page";
        }
        List<Result.FollowUp> followUps = new ArrayList<>();
        if (listing.hasNext()) {
            followUps.add(new Result.FollowUp("Next page", command(query.withPage(listing.pageNo() + 1), asked)));
        }
        return new Result.Table(title(query), COLUMNS, rows, footer, listingJson(query, page), followUps);
    }

    /** The listing command that shows {@code query}'s page, in {@code asked}'s language: "imports --page 2 --size 10". */
    static Command command(JobQuery query, Command asked) {
        return asked.sibling(query.kind().plural(), Declarations.STATUS, query.status(), Declarations.MODEL,
                query.model(), Declarations.PAGE, query.pageNo(), Declarations.SIZE, query.pageSize());
    }

    /** {"total", "page_no", "page_size", "list" (imports) or "jobs" (fine-tunes): [raw job objects]}. */
    static JsonNode listingJson(JobQuery query, Page<Job> page) {
        ObjectNode json = JSON.objectNode().put("total", page.total()).put("page_no", page.pageNo())
                .put("page_size", page.pageSize());
        ArrayNode items = json.putArray(query.kind() == JobKind.IMPORT ? "list" : "jobs");
        page.items().forEach(job -> items.add(raw(job)));
        return json;
    }

    /**
     * One job, offering what can be done with it next: Refresh, Watch (while it can change),
     * Cancel (a running fine-tune) and Delete (a finished job), as commands of {@code asked}'s language.
     */
    static Result.Detail detail(Job job, Command asked) {
        Result.Detail detail = detail(job);
        String word = job.kind() == JobKind.IMPORT ? "import" : "finetune";
        boolean terminal = job.kind().isTerminal(job.status());
        List<Result.FollowUp> followUps = new ArrayList<>();
        followUps.add(new Result.FollowUp("Refresh", asked.sibling(word, Declarations.ID, job.id())));
        if (!terminal) {
            followUps.add(new Result.FollowUp("Watch", asked.sibling("watch", Declarations.IDS, List.of(job.id()))));
        }
        if (!terminal && job.kind() == JobKind.FINETUNE) {
            followUps.add(new Result.FollowUp("Cancel job", asked.sibling("finetune cancel", Declarations.ID, job.id())));
        }
        if (terminal) {
            followUps.add(new Result.FollowUp("Delete job", asked.sibling(word + " delete", Declarations.ID, job.id())));
        }
        return new Result.Detail(detail.title(), detail.fields(), detail.json(), followUps);
    }

    /** Every field the service sent, in its order; nested objects as "storage_info.bucket_name". */
    static Result.Detail detail(Job job) {
        List<Field> fields = new ArrayList<>();
        JsonNode raw = job.raw();
        if (raw != null && raw.isObject()) {
            addFields("", raw, fields);
        } else {
            fields.add(new Field("job_id", job.id(), ValueType.ID));
            fields.add(new Field("status", job.status(), ValueType.STATUS));
            fields.add(new Field("model", job.model(), ValueType.TEXT));
            fields.add(new Field("created", job.createdAt(), ValueType.TIME));
        }
        return new Result.Detail(capitalized(job.kind()) + " job " + job.id(), fields, raw(job));
    }

    /** [raw checkpoint objects], as /finetune checkpoints shows them in JSON. */
    static JsonNode checkpointsJson(List<Checkpoint> checkpoints) {
        ArrayNode json = JSON.arrayNode();
        for (Checkpoint checkpoint : checkpoints) {
            json.add(checkpoint.raw() != null ? checkpoint.raw() : JSON.objectNode());
        }
        return json;
    }

    /** {"job_id": ID, "status": "success"}: a delete or cancel in JSON. */
    /** The raw objects as one JSON array (built here: see the start-up rule on JsonNode subtypes). */
    static JsonNode array(List<JsonNode> items) {
        ArrayNode array = JSON.arrayNode();
        items.forEach(item -> array.add(item == null ? JSON.objectNode() : item));
        return array;
    }

    /** {"KEY": "VALUE", ...} from pairs of strings, values true/false kept as booleans. */
    static JsonNode object(String... keysAndValues) {
        ObjectNode object = JSON.objectNode();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            String value = keysAndValues[i + 1];
            if ("true".equals(value) || "false".equals(value)) {
                object.put(keysAndValues[i], Boolean.parseBoolean(value));
            } else {
                object.put(keysAndValues[i], value);
            }
        }
        return object;
    }

    static JsonNode doneJson(String id) {
        return JSON.objectNode().put("job_id", id).put("status", "success");
    }

    /**
     * {"total", "logs": [lines]}. Handlers get their JSON from here as a plain {@code JsonNode}:
     * checking that a subtype fits would load Jackson's tree classes with the handler, in every session.
     */
    static JsonNode logJson(LogPage page) {
        ObjectNode json = JSON.objectNode().put("total", page.total());
        page.lines().forEach(json.putArray("logs")::add);
        return json;
    }

    static JsonNode raw(Job job) {
        return job.raw() != null ? job.raw() : JSON.objectNode().put("job_id", job.id()).put("status", job.status());
    }

    static String capitalized(JobKind kind) {
        return Character.toUpperCase(kind.label().charAt(0)) + kind.label().substring(1);
    }

    static String count(long n, String noun) {
        String plural = noun.endsWith("ch") || noun.endsWith("s") ? noun + "es" : noun + "s";
        return n + " " + (n == 1 ? noun : plural);
    }

    /** Parses either time format the service uses ("2024-01-01T12:00:00.000+00:00", "2024-10-29 16:53:53" UTC). */
    static Instant time(String text) {
        return Times.parse(text);
    }

    private static String title(JobQuery query) {
        StringBuilder title = new StringBuilder(capitalized(query.kind())).append(" jobs");
        if (query.status() != null) {
            title.append(" · status ").append(query.status());
        }
        if (query.model() != null) {
            title.append(" · model ").append(query.model());
        }
        return title.toString();
    }

    private static void addFields(String prefix, JsonNode object, List<Field> fields) {
        Iterator<Map.Entry<String, JsonNode>> entries = object.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String name = prefix + entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                addFields(name + ".", value, fields);
            } else if (!value.isNull() && !value.isMissingNode()) {
                fields.add(field(name, value));
            }
        }
    }

    private static Field field(String name, JsonNode value) {
        if (value.isNumber()) {
            return new Field(name, value.numberValue(), ValueType.NUMBER);
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
            return new Field(name, String.join(", ", items), ValueType.TEXT);
        }
        String text = value.asText();
        if (name.equals("job_id") || name.endsWith("_id")) {
            return new Field(name, text, ValueType.ID);
        }
        if (name.equals("status")) {
            return new Field(name, text, ValueType.STATUS);
        }
        Instant time = name.contains("time") || name.startsWith("gmt_") ? time(text) : null;
        return time != null ? new Field(name, time, ValueType.TIME) : new Field(name, text, ValueType.TEXT);
    }
}
