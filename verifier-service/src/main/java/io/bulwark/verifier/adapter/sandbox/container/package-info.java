/**
 * {@code container} sandboxes: the official image of the source's release series ({@code postgres:15}, {@code
 * mariadb:10.11}, {@code mysql:8.0}) started with Testcontainers, labelled, removed on close and reaped when orphaned.
 * Needs a Docker engine.
 */
package io.bulwark.verifier.adapter.sandbox.container;
