package io.bulwark.notifier.adapter.channel;

import io.bulwark.contracts.EventJson;
import io.bulwark.notifier.domain.Notification;
import io.bulwark.notifier.domain.Severity;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Discord webhook, with one embed coloured by severity:
 *
 * <pre>{@code
 * {"username": "Bulwark",
 *  "embeds": [{"title": "<SEVERITY> <summary>", "description": "<summary>", "url": "<link>",   (url only with a link)
 *              "color": 13840175 (ERROR, #D32F2F) | 16361509 (WARNING, #F9A825) | 3046706 (INFO, #2E7D32),
 *              "fields": [{"name": "Target", "value": "chinook", "inline": true}, ...,
 *                         {"name": "Per target", "value": "```<report table>```", "inline": false}],
 *              "footer": {"text": "<kind> · notification <id>"},
 *              "timestamp": "<occurredAt, ISO-8601>"}]}
 * }</pre>
 *
 * Limits from Discord's embed reference: title 256 characters, description 4096, 25 fields, a field value 1024.
 * Thread-safe.
 */
public class DiscordChannel extends HttpJsonChannel {

    /**
     * @param name the channel id
     * @param url the webhook URL (a secret: it embeds the token)
     * @param connectTimeout how long to wait for the connection
     * @param timeout how long to wait for the answer
     * @throws IllegalArgumentException when the URL is not http(s)
     */
    public DiscordChannel(String name, URI url, Duration connectTimeout, Duration timeout) {
        super(name, url, connectTimeout, timeout);
    }

    /** The embed colour of {@code severity}, as Discord takes it: the RGB value as a decimal integer. */
    public static int color(Severity severity) {
        return switch (severity) {
            case ERROR -> 0xD32F2F;
            case WARNING -> 0xF9A825;
            case INFO -> 0x2E7D32;
        };
    }

    @Override
    String technology() {
        return "Discord";
    }

    @Override
    JsonNode payload(Notification n) {
        ObjectNode root = EventJson.mapper().createObjectNode().put("username", "Bulwark");
        ObjectNode embed = root.putArray("embeds")
                .addObject()
                .put("title", SlackChannel.cut(NotificationText.title(n), 256))
                .put("description", SlackChannel.cut(n.summary(), 4096))
                .put("color", color(n.severity()));
        if (n.link() != null) {
            embed.put("url", n.link());
        }
        ArrayNode fields = embed.putArray("fields");
        for (Map.Entry<String, String> fact : NotificationText.facts(n)) {
            boolean inline = fact.getValue().length() <= 40;
            fields.addObject()
                    .put("name", fact.getKey())
                    .put("value", SlackChannel.cut(fact.getValue(), 1024))
                    .put("inline", inline);
        }
        List<String> table = NotificationText.reportTable(n);
        if (!table.isEmpty()) {
            fields.addObject()
                    .put("name", "Per target")
                    .put("value", SlackChannel.cut("```" + String.join("\n", table), 1021) + "```")
                    .put("inline", false);
        }
        embed.putObject("footer").put("text", n.kind() + " · notification " + n.notificationId());
        if (n.occurredAt() != null) {
            embed.put("timestamp", n.occurredAt().toString());
        }
        return root;
    }
}
