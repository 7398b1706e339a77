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
 * A Slack incoming webhook, with a Block Kit message:
 *
 * <pre>{@code
 * {"text": "<SEVERITY> <summary>",                       (the fallback of notifications)
 *  "blocks": [
 *    {"type": "header", "text": {"type": "plain_text", "text": "<SEVERITY> <summary>"}},   (at most 150 characters)
 *    {"type": "section", "text": {"type": "mrkdwn", "text": "<summary>"},
 *     "fields": [{"type": "mrkdwn", "text": "*Target*\nchinook"}, ...]},                  (at most 10 fields)
 *    {"type": "section", "text": {"type": "mrkdwn", "text": "```<report table>```"}},      (report.periodic only)
 *    {"type": "context", "elements": [{"type": "mrkdwn", "text": "<kind> · notification <id>"}]},
 *    {"type": "actions", "elements": [{"type": "button", "text": {"type": "plain_text", "text": "Open"},
 *                                      "url": "<link>", "action_id": "open"}]}]}        (only with a link)
 * }</pre>
 *
 * Limits from Slack's Block Kit reference: header text 150 characters, section text 3000, a field 2000, 10 fields.
 * Thread-safe.
 */
public class SlackChannel extends HttpJsonChannel {

    /**
     * @param name the channel id
     * @param url the incoming webhook URL (a secret: it embeds the token)
     * @param connectTimeout how long to wait for the connection
     * @param timeout how long to wait for the answer
     * @throws IllegalArgumentException when the URL is not http(s)
     */
    public SlackChannel(String name, URI url, Duration connectTimeout, Duration timeout) {
        super(name, url, connectTimeout, timeout);
    }

    @Override
    String technology() {
        return "Slack";
    }

    @Override
    JsonNode payload(Notification n) {
        ObjectNode root = EventJson.mapper().createObjectNode();
        String title = NotificationText.title(n);
        root.put("text", cut(title, 3000));
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cut(title, 150));
        ObjectNode section = blocks.addObject().put("type", "section");
        section.set("text", mrkdwn(cut(n.summary(), 3000)));
        ArrayNode fields = section.putArray("fields");
        List<Map.Entry<String, String>> facts = NotificationText.facts(n);
        for (Map.Entry<String, String> fact : facts.subList(0, Math.min(10, facts.size()))) {
            fields.add(mrkdwn(cut("*" + fact.getKey() + "*\n" + fact.getValue(), 2000)));
        }
        List<String> table = NotificationText.reportTable(n);
        if (!table.isEmpty()) {
            blocks.addObject()
                    .put("type", "section")
                    .set("text", mrkdwn(cut("```" + String.join("\n", table), 2997) + "```"));
        }
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").add(mrkdwn(n.kind() + " · notification " + n.notificationId()));
        if (n.link() != null) {
            ObjectNode button = blocks.addObject()
                    .put("type", "actions")
                    .putArray("elements")
                    .addObject()
                    .put("type", "button")
                    .put("action_id", "open")
                    .put("url", n.link());
            button.putObject("text")
                    .put("type", "plain_text")
                    .put("text", n.report() == null ? "Open" : "Open dashboard");
        }
        return root;
    }

    private static ObjectNode mrkdwn(String text) {
        return EventJson.mapper().createObjectNode().put("type", "mrkdwn").put("text", text);
    }

    /** {@code text} cut to {@code max} characters, ending with an ellipsis when cut. */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
