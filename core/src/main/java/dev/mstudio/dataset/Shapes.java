package dev.mstudio.dataset;

import com.fasterxml.jackson.databind.JsonNode;

/** The sample shapes per training type; each check returns what is wrong, or null. */
final class Shapes {
    private Shapes() {
    }

    /** sft, efficient_sft: {"messages":[{"role":"user","content":...},{"role":"assistant","content":...}]}. */
    static String chat(JsonNode sample) {
        JsonNode messages = sample.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return "no \"messages\" list (chat samples need user and assistant turns)";
        }
        boolean user = false;
        boolean assistant = false;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asText("");
            if (!message.path("content").isTextual() || message.path("content").asText().isBlank()) {
                return "messages[" + i + "] has no text \"content\"";
            }
            switch (role) {
                case "user" -> user = true;
                case "assistant" -> assistant = true;
                case "system" -> { }
                default -> {
                    return "messages[" + i + "] has role \"" + clip(role) + "\"; use system, user or assistant";
                }
            }
        }
        if (!user) {
            return "no user turn in \"messages\"";
        }
        return assistant ? null : "no assistant turn in \"messages\"";
    }

    /** dpo_full, dpo_lora: "chosen" and "rejected" answers (text, or a message with content). */
    static String preference(JsonNode sample) {
        for (String field : new String[] {"chosen", "rejected"}) {
            JsonNode answer = sample.get(field);
            String text = answer == null ? null : answer.isTextual() ? answer.asText() : answer.path("content").asText(null);
            if (text == null || text.isBlank()) {
                return "no \"" + field + "\" answer (DPO samples need chosen and rejected)";
            }
        }
        return null;
    }

    /** cpt: {"text": "..."}. */
    static String text(JsonNode sample) {
        JsonNode text = sample.get("text");
        return text != null && text.isTextual() && !text.asText().isBlank() ? null
                : "no \"text\" (continued pre-training samples are {\"text\": ...})";
    }

    /** Characters of every text value in the sample: the basis of the token estimate. */
    static long contentChars(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().length();
        }
        long sum = 0;
        for (JsonNode child : node) {
            sum += contentChars(child);
        }
        return sum;
    }

    private static String clip(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }
}
