package dev.kervan.identity;

/**
 * A user's credentials were ended: their password was reset or changed, they were deactivated, or a role was
 * taken from them. Their API tokens are revoked for good and their sessions end (but the one that changed its
 * own password). Published inside the transaction of the change: a module that hands out secrets of its own for
 * the user (a calendar address) ends them in the same transaction, so that nothing outlives the change and a
 * refused change ends nothing.
 *
 * @param userId the user whose credentials ended
 */
public record CredentialsRevoked(long userId) {
}
