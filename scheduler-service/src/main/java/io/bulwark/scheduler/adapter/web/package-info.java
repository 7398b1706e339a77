/**
 * The REST API ({@code /api/backups}): request a manual backup, list and read the projected
 * backups. Errors are RFC 9457 problem details ({@code application/problem+json}) naming the
 * offending field in an {@code errors} property.
 */
package io.bulwark.scheduler.adapter.web;
