/**
 * How the Kafka consumers of the services with a database of their own (scheduler, retention, notifier) treat a
 * failed record: an infrastructure outage (their database, the object store, the Kafka producer) is waited out on the
 * same record with a capped exponential back-off and never dead-lettered; bad input is dead-lettered at once; any
 * other failure gets the binding's few retries, then the dead-letter topic. {@link
 * io.bulwark.service.consumer.OutageTolerantConsumers} wires it; a service imports it.
 */
package io.bulwark.service.consumer;
