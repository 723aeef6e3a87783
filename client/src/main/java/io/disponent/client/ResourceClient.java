package io.disponent.client;

/**
 * Reads, writes and status writes together, as controller-runtime's {@code Client}. {@link ApiClient} is
 * the one over HTTP; code that needs less asks for {@link ResourceReader}, {@link ResourceWriter} or
 * {@link StatusWriter} alone.
 */
public interface ResourceClient extends ResourceReader, ResourceWriter, StatusWriter {}
