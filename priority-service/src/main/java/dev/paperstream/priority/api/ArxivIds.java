package dev.paperstream.priority.api;

/** What an arXiv id without version looks like: {@code 2307.08691} or {@code hep-th/9901001}. */
final class ArxivIds {
    static final String PATTERN = "\\d{4}\\.\\d{4,5}|[a-z-]+(\\.[A-Z]{2})?/\\d{7}";
    static final String MESSAGE = "must be an arXiv id without version, like 2307.08691 or hep-th/9901001";

    private ArxivIds() {
    }
}
