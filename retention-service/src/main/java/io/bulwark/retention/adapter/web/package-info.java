/**
 * The retention REST API: the dry run of a target's policy ({@code GET /api/retention/{targetId}}),
 * which says what would be deleted and why without deleting anything; holds on backups ({@code
 * /api/backups/{id}/hold}, {@code GET /api/holds}); the deletion of a backup by hand ({@code DELETE
 * /api/backups/{id}}). Errors are RFC 9457 problems ({@link
 * io.bulwark.retention.adapter.web.RetentionExceptionHandler}).
 */
package io.bulwark.retention.adapter.web;
