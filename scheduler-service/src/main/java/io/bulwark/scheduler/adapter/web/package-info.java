/**
 * The REST API: {@code /api/backups} (request a manual backup, a verification or a restore of a backup; list and
 * read the projected backups), {@code /api/targets/{targetId}/restore} (restore a target's newest VERIFIED backup)
 * and {@code /api/restores} (list and read the projected restores). Errors are RFC 9457 problem details ({@code
 * application/problem+json}) naming the offending field in an {@code errors} property.
 */
package io.bulwark.scheduler.adapter.web;
