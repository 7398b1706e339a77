/**
 * Kafka adapters (Spring Cloud Stream): the {@code backupCompleted} consumer that starts a
 * verification and the publisher of {@code BackupVerified}.
 */
package io.bulwark.verifier.adapter.messaging;
