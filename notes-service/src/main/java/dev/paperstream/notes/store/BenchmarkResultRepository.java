package dev.paperstream.notes.store;

import dev.paperstream.events.BenchmarkCompleted;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Completed benchmark jobs, once per job id, newest first. A paper's results are those of the jobs of
 * every question it asks (paper_benchmark), and those published under its own id.
 */
@ApplicationScoped
public class BenchmarkResultRepository implements PanacheRepositoryBase<BenchmarkResultEntity, String> {
    private static final Sort NEWEST_FIRST = Sort.descending("completedAt").and("jobId");

    /**
     * True when the job was not stored before. The consumer's own idempotency already skips a redelivered
     * event; this check covers the same job published twice under different event ids.
     */
    @Transactional
    public boolean insert(BenchmarkCompleted b) {
        if (findByIdOptional(b.jobId()).isPresent()) {
            return false;
        }
        persist(BenchmarkResultEntity.of(b));
        return true;
    }

    /** All results, or those of one paper when {@code paperId} is not null. */
    @Transactional
    public List<BenchmarkCompleted> list(String paperId, int limit) {
        var query = paperId == null ? findAll(NEWEST_FIRST) : find("""
                paperId = ?1 or jobId in (
                    select j.jobId from BenchmarkQuestionJobEntity j, PaperBenchmarkEntity p
                    where j.questionKey = p.questionKey and p.paperId = ?1)""", NEWEST_FIRST, paperId);
        return query.range(0, limit - 1).stream().map(BenchmarkResultEntity::toEvent).toList();
    }
}
