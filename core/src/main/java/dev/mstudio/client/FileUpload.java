package dev.mstudio.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One local file to upload, with an optional description. The file must exist and be at most
 * {@link #MAX_BYTES} (1 GB, the service's limit); both are checked before anything is sent.
 */
public record FileUpload(Path path, String description) {
    /** 1 GB: the most the service takes in one file. */
    public static final long MAX_BYTES = 1L << 30;
    /** The longest description sent. */
    public static final int MAX_DESCRIPTION = 1000;

    public FileUpload {
        Objects.requireNonNull(path, "path");
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("No such file: " + path);
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("A description must be at most " + MAX_DESCRIPTION + " characters");
        }
    }

    /** The file's name as uploaded (without its folder). */
    public String name() {
        return path.getFileName().toString();
    }
}
