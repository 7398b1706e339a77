package io.bulwark.contracts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kafka record header names. CloudEvents attributes travel as headers in the Kafka protocol
 * binding's binary mode ({@code ce_} prefix, CloudEvents Kafka Protocol Binding 1.0, section 3.2.3).
 * The record key is always the event's {@code targetId}, so events of one database stay ordered.
 */
public final class EventHeaders {

    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    /** The CloudEvents specification version written in {@link #CE_SPECVERSION}. */
    public static final String SPEC_VERSION = "1.0";

    private EventHeaders() {}

    /**
     * The CloudEvents headers for {@code event}.
     *
     * @param event the event to publish
     * @param source the producing service, a URI reference such as {@code /bulwark/dump-worker}
     * @return header name to string value, in a stable order
     */
    public static Map<String, String> cloudEventHeaders(BulwarkEvent event, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CE_SPECVERSION, SPEC_VERSION);
        headers.put(CE_ID, event.eventId().toString());
        headers.put(CE_TYPE, EventJson.typeOf(event));
        headers.put(CE_SOURCE, source);
        headers.put(CE_TIME, event.occurredAt().toString());
        headers.put(CONTENT_TYPE, "application/json");
        return headers;
    }
}
