package io.bulwark.scheduler.adapter.web;

import java.util.List;

/**
 * Body of {@code GET /api/backups}.
 *
 * @param items the backups, newest first
 * @param limit the most items this page could hold; fewer items means there are no more
 */
public record BackupPage(List<BackupView> items, int limit) {}
