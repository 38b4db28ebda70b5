package dev.paperstream.ingest.feed;

/**
 * One item of a document that was not accepted: its id (or position) and why. Both are cut to a few
 * hundred characters, so that a reason quoting a bad value (a megabyte of "date") cannot make the
 * answer, which lists up to 10,000 rejections, larger than the document.
 */
public record Rejection(String item, String reason) {
    static final int MAX_ITEM = 200;
    static final int MAX_REASON = 500;

    public Rejection {
        item = cut(item, MAX_ITEM);
        reason = cut(reason, MAX_REASON);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
