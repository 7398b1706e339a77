package io.bulwark.notifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver's check of {@code X-Bulwark-Signature: t=<unix>,v1=<hex>}, written as the README tells a
 * receiver to, independently of the sender's code: recompute the HMAC-SHA256 of {@code "<t>.<body>"}, compare in
 * constant time, refuse a timestamp outside the replay window.
 */
public final class ReceiverCheck {

    private ReceiverCheck() {}

    /** Why the request is refused, or null when it is genuine and fresh. */
    public static String refusal(String header, byte[] body, byte[] secret, Instant now, Duration window)
            throws Exception {
        if (header == null) {
            return "no signature";
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null || !t.matches("[0-9]{1,12}")) {
            return "malformed signature";
        }
        if (Duration.between(Instant.ofEpochSecond(Long.parseLong(t)), now)
                        .abs()
                        .compareTo(window)
                > 0) {
            return "timestamp outside the replay window";
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
        byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII)) ? null : "bad signature";
    }
}
