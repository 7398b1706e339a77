package io.bulwark.scheduler.adapter.web;

import java.util.List;

/**
 * The answer of {@code GET /api/targets}.
 *
 * @param items every configured target, in configuration order
 */
public record TargetPage(List<TargetView> items) {}
