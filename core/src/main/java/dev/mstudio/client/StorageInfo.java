package dev.mstudio.client;

/** Where an import job's model files live in OSS. */
public record StorageInfo(String bucketName, String objectKey) {
}
