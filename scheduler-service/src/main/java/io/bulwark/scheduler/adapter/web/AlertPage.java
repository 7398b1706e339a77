package io.bulwark.scheduler.adapter.web;

import java.util.List;

/**
 * Body of {@code GET /api/alerts}.
 *
 * @param items the alerts, newest opened first
 * @param limit the most items this page could hold; fewer items means there are no more
 */
public record AlertPage(List<AlertView> items, int limit) {}
