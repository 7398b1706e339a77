/** The delivery state in PostgreSQL: processed source events and the outbox of deliveries (schema {@code notifier}). */
package io.bulwark.notifier.adapter.persistence;
