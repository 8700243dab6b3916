/**
 * Kombo's documented limits, in one place.
 *
 * Deletion policy (https://docs.kombo.dev/lms/features/deletion-policy, and `remote_deleted_at` in Kombo's
 * OpenAPI, tests/vendor/kombo/kombo-openapi.json): an entry Kombo no longer finds is marked `remote_deleted_at` and
 * 14 days later emptied; Kombo recommends a periodic full fetch. A pull with `updated_after` older than that misses
 * the deletion.
 */
export const KOMBO_FORGETS_DELETED_AFTER_MS = 14 * 24 * 60 * 60 * 1000;
