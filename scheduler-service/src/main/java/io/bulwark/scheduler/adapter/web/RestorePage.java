package io.bulwark.scheduler.adapter.web;

import java.util.List;

/**
 * Body of {@code GET /api/restores}.
 *
 * @param items the restores, newest first
 * @param limit the most items this page could hold; fewer items means there are no more
 */
public record RestorePage(List<RestoreView> items, int limit) {}
