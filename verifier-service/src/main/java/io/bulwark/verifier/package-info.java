/**
 * The verifier-service: consumes {@code BackupCompleted}, restores each artifact into a throwaway
 * database, checks it against its manifest, stores {@code verification.json} and publishes {@code
 * BackupVerified}.
 */
package io.bulwark.verifier;
