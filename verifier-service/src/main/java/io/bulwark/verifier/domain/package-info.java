/**
 * The verification rules: how a restored backup is compared with its manifest (checksum, restore,
 * table set, exact row counts) and how the checks add up to an outcome. Pure Java, no Spring, Kafka
 * or object-store imports.
 */
package io.bulwark.verifier.domain;
