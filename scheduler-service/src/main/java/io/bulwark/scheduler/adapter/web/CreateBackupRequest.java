package io.bulwark.scheduler.adapter.web;

/**
 * Body of {@code POST /api/backups}.
 *
 * @param targetId a configured target id, required
 * @param label the label of the backup's object key, {@code [a-z0-9][a-z0-9_-]{0,62}}, optional
 */
public record CreateBackupRequest(String targetId, String label) {}
