package dev.kervan.platform;

/**
 * A record a client may change, answered with its version: the API sends that version as the {@code ETag} of every
 * answer that carries the record (a read, a create, a change, an action), and takes it back in {@code If-Match}
 * ({@link ExpectedVersion}).
 */
public interface Versioned {

	long version();
}
