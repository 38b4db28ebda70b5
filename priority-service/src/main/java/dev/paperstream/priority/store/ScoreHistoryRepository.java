package dev.paperstream.priority.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The scores published for each paper and team, in the order they were published, with their reasons. */
@ApplicationScoped
public class ScoreHistoryRepository implements PanacheRepositoryBase<ScoreHistoryEntity, Long> {
    private final ObjectMapper json;

    public ScoreHistoryRepository(ObjectMapper json) {
        this.json = json;
    }

    /** One published score of a paper for a team, with the reason line of every factor. */
    public record HistoryEntry(String team, int version, int score, String priority, Instant scoredAt,
            List<String> reasons) {
    }

    /** Every score published for the paper, oldest first. */
    public List<HistoryEntry> history(String paperId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT team, version, score, priority, scored_at, CAST(factors AS text) FROM score_history
                WHERE paper_id = ?1 ORDER BY seq
                """).setParameter(1, paperId).getResultList();
        return rows.stream().map(r -> new HistoryEntry((String) r[0], ((Number) r[1]).intValue(),
                ((Number) r[2]).intValue(), (String) r[3], instant(r[4]), reasons((String) r[5]))).toList();
    }

    private List<String> reasons(String factors) {
        List<String> out = new ArrayList<>();
        try {
            for (JsonNode f : json.readTree(factors)) {
                out.add(f.path("reason").asText());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score_history.factors is not JSON: " + e.getMessage(), e);
        }
        return out;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
