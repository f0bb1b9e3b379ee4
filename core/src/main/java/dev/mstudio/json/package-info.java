/**
 * JSON text to and from Jackson trees with the streaming API, shared by the client and the sandbox
 * so that neither builds an {@code ObjectMapper} on its start-up path (docs/STARTUP.md).
 */
package dev.mstudio.json;
