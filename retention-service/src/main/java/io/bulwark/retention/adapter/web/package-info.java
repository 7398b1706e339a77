/**
 * The retention REST API: the dry run of a target's policy ({@code GET /api/retention/{targetId}}),
 * which says what would be deleted and why without deleting anything.
 */
package io.bulwark.retention.adapter.web;
