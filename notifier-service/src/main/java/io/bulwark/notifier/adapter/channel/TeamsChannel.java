package io.bulwark.notifier.adapter.channel;

import io.bulwark.contracts.EventJson;
import io.bulwark.notifier.domain.Notification;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Microsoft Teams workflow webhook ("When a Teams webhook request is received"), with an Adaptive Card 1.4:
 *
 * <pre>{@code
 * {"type": "message",
 *  "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": null,
 *    "content": {"$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "type": "AdaptiveCard",
 *      "version": "1.4", "msteams": {"width": "Full"},
 *      "body": [{"type": "TextBlock", "text": "<SEVERITY> <summary>", "weight": "Bolder", "size": "Medium",
 *                "color": "Attention|Warning|Good", "wrap": true},
 *               {"type": "TextBlock", "text": "<summary>", "wrap": true},
 *               {"type": "FactSet", "facts": [{"title": "Target", "value": "chinook"}, ...]},
 *               {"type": "TextBlock", "text": "Per target", "weight": "Bolder"},            (report.periodic only:
 *               {"type": "FactSet", "facts": [{"title": "chinook", "value": "Taken 7 · ..."}]}  one fact per target)
 *               {"type": "TextBlock", "text": "<kind> · notification <id>", "isSubtle": true, "size": "Small"}],
 *      "actions": [{"type": "Action.OpenUrl", "title": "Open", "url": "<link>"}]}}]}   (only with a link)
 * }</pre>
 *
 * Adaptive Card 1.4 has no table element, so the report's rows are a fact set. Thread-safe.
 */
public class TeamsChannel extends HttpJsonChannel {

    /**
     * @param name the channel id
     * @param url the workflow's webhook URL (a secret: it embeds a signature)
     * @param connectTimeout how long to wait for the connection
     * @param timeout how long to wait for the answer
     * @throws IllegalArgumentException when the URL is not http(s)
     */
    public TeamsChannel(String name, URI url, Duration connectTimeout, Duration timeout) {
        super(name, url, connectTimeout, timeout);
    }

    @Override
    String technology() {
        return "Teams";
    }

    @Override
    JsonNode payload(Notification n) {
        ObjectNode root = EventJson.mapper().createObjectNode().put("type", "message");
        ObjectNode attachment = root.putArray("attachments")
                .addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive")
                .putNull("contentUrl");
        ObjectNode card = attachment
                .putObject("content")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard")
                .put("version", "1.4");
        card.putObject("msteams").put("width", "Full");
        ArrayNode body = card.putArray("body");
        body.addObject()
                .put("type", "TextBlock")
                .put("text", NotificationText.title(n))
                .put("weight", "Bolder")
                .put("size", "Medium")
                .put(
                        "color",
                        switch (n.severity()) {
                            case ERROR -> "Attention";
                            case WARNING -> "Warning";
                            case INFO -> "Good";
                        })
                .put("wrap", true);
        body.addObject().put("type", "TextBlock").put("text", n.summary()).put("wrap", true);
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        for (Map.Entry<String, String> fact : NotificationText.facts(n)) {
            facts.addObject().put("title", fact.getKey()).put("value", fact.getValue());
        }
        List<List<String>> rows = NotificationText.reportRows(n);
        if (!rows.isEmpty()) {
            body.addObject().put("type", "TextBlock").put("text", "Per target").put("weight", "Bolder");
            ArrayNode targets = body.addObject().put("type", "FactSet").putArray("facts");
            for (List<String> row : rows) {
                StringBuilder value = new StringBuilder();
                for (int i = 1; i < row.size(); i++) {
                    value.append(i == 1 ? "" : " · ")
                            .append(NotificationText.REPORT_COLUMNS.get(i))
                            .append(' ')
                            .append(row.get(i));
                }
                targets.addObject().put("title", row.getFirst()).put("value", value.toString());
            }
        }
        body.addObject()
                .put("type", "TextBlock")
                .put("text", n.kind() + " · notification " + n.notificationId())
                .put("isSubtle", true)
                .put("size", "Small")
                .put("wrap", true);
        if (n.link() != null) {
            card.putArray("actions")
                    .addObject()
                    .put("type", "Action.OpenUrl")
                    .put("title", "Open")
                    .put("url", n.link());
        }
        return root;
    }
}
