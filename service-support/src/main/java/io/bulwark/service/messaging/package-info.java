/**
 * Publishing {@link io.bulwark.contracts.BulwarkEvent}s through Spring Cloud Stream with the wire
 * format every Bulwark service follows: the {@link io.bulwark.contracts.EventJson} bytes as the
 * payload, the target id as the record key, the CloudEvents {@code ce_*} headers as UTF-8 bytes.
 */
package io.bulwark.service.messaging;
