package dev.paperstream.ingest.store;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of the tables keyed by paper version: arXiv id without version, and the version. */
public class VersionKey implements Serializable {
    public String arxivId;
    public int version;

    public VersionKey() {
    }

    public VersionKey(String arxivId, int version) {
        this.arxivId = arxivId;
        this.version = version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionKey k && k.version == version && Objects.equals(k.arxivId, arxivId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(arxivId, version);
    }
}
