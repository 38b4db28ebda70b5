package dev.paperstream.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where ingest found a paper. */
public enum PaperSource {
    @JsonProperty("api") API,
    @JsonProperty("rss") RSS,
    @JsonProperty("oai") OAI,
    @JsonProperty("snapshot") SNAPSHOT,
    @JsonProperty("manual") MANUAL
}
