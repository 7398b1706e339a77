/**
 * The retention service: catalogs verified backups, applies each target's retention policy,
 * deletes every object of expired backups and emits {@code BackupDeleted}.
 */
package io.bulwark.retention;
