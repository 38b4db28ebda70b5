package dev.paperstream.notes.notify;

/**
 * One delivery's message in each channel's form: e-mail subject and text, Slack JSON, generic webhook JSON.
 * {@code webhookId} names the delivery, the same on every retry, so that receivers can deduplicate.
 */
public record Message(String webhookId, String subject, String text, String slackJson, String webhookJson) {
}
