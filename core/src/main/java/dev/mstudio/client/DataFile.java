package dev.mstudio.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A data file uploaded for fine-tuning ({@code /api/v1/files}). Absent fields are null. */
public record DataFile(String fileId, String name, String description, Long size, String md5, String gmtCreate,
                       JsonNode raw) {
}
