package dev.paperstream.notes.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/**
 * A team's token spend per UTC day. Hand-written SQL: checking the budget and adding to the spend must be one
 * statement, or two instances drafting at once could both pass the check and overspend together.
 */
@ApplicationScoped
public class DraftTokenUsage {
    private final EntityManager em;

    public DraftTokenUsage(EntityManager em) {
        this.em = em;
    }

    /** Adds {@code tokens} to the day's spend if it stays within {@code budget}; false (and nothing added) if not. */
    @Transactional
    public boolean reserve(String team, LocalDate day, long tokens, long budget) {
        if (tokens > budget) {
            return false;
        }
        List<?> rows = em.createNativeQuery("""
                INSERT INTO draft_token_usage (team, day, tokens) VALUES (?1, ?2, ?3)
                ON CONFLICT (team, day) DO UPDATE SET tokens = draft_token_usage.tokens + EXCLUDED.tokens
                WHERE draft_token_usage.tokens + EXCLUDED.tokens <= ?4
                RETURNING tokens""")
                .setParameter(1, team).setParameter(2, day).setParameter(3, tokens).setParameter(4, budget)
                .getResultList();
        return !rows.isEmpty();
    }

    /** Corrects a reservation to what was really spent ({@code delta} may be negative); answers the day's spend. */
    @Transactional
    public long adjust(String team, LocalDate day, long delta) {
        List<?> rows = em.createNativeQuery("""
                UPDATE draft_token_usage SET tokens = GREATEST(0, tokens + ?1) WHERE team = ?2 AND day = ?3
                RETURNING tokens""")
                .setParameter(1, delta).setParameter(2, team).setParameter(3, day).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    public long spent(String team, LocalDate day) {
        List<?> rows = em.createNativeQuery("SELECT tokens FROM draft_token_usage WHERE team = ?1 AND day = ?2")
                .setParameter(1, team).setParameter(2, day).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }
}
