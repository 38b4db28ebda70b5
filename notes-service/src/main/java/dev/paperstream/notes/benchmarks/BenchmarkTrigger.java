package dev.paperstream.notes.benchmarks;

import dev.paperstream.events.BenchmarkRequested;
import dev.paperstream.events.PaperScored;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.notes.db.Sql;
import dev.paperstream.notes.papers.PaperRepository;
import dev.paperstream.notes.papers.ScoreRepository;
import dev.paperstream.notes.papers.StoredPaper;
import dev.paperstream.support.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Requests one benchmark (through the outbox) for a paper once it is both known to be about attention and
 * scored HIGH as an optimization paper by some team; whichever of the two facts arrives last triggers it.
 */
@ApplicationScoped
public class BenchmarkTrigger {
    @ConfigMapping(prefix = "paperstream.benchmarks")
    public interface Settings {
        @WithDefault("naive,tiled")
        List<String> variants();

        @WithDefault("auto")
        String device();

        @WithDefault("512,1024,2048")
        List<Integer> seqLens();

        @WithDefault("1")
        int batch();

        @WithDefault("4")
        int heads();

        @WithDefault("64")
        int headDim();

        @WithDefault("fp32")
        String dtype();
    }

    private final PaperRepository papers;
    private final ScoreRepository scores;
    private final Outbox outbox;
    private final AgroalDataSource dataSource;
    private final Settings settings;

    public BenchmarkTrigger(PaperRepository papers, ScoreRepository scores, Outbox outbox, AgroalDataSource dataSource,
            Settings settings) {
        this.papers = papers;
        this.scores = scores;
        this.outbox = outbox;
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /**
     * For a newly stored score: only a score that qualifies itself can start a request, since the paper's
     * other scores were considered when they, or the paper, arrived. Saves two reads for most scores.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String scored(PaperScored score) {
        return qualifies(score) ? consider(score.id()) : null;
    }

    /** Returns the requested job id, or null when the paper does not qualify or already has a request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String consider(String paperId) {
        StoredPaper paper = papers.find(paperId).orElse(null);
        if (paper == null || !aboutAttention(paper) || scores.forPaper(paperId).stream().noneMatch(this::qualifies)) {
            return null;
        }
        String jobId = "paper-" + paperId.replace('/', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO benchmark_request (paper_id, job_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, paperId);
            ps.setString(2, jobId);
            if (ps.executeUpdate() == 0) {
                return null;
            }
        } catch (SQLException e) {
            throw Sql.failure("cannot record the benchmark request of " + paperId, e);
        }
        outbox.add(paperId, new BenchmarkRequested(jobId, settings.variants(), settings.batch(), settings.heads(),
                settings.seqLens(), settings.headDim(), false, settings.dtype(), settings.device(), paperId));
        return jobId;
    }

    private boolean qualifies(PaperScored s) {
        return s.priority() == Priority.HIGH && s.paperType() == PaperType.OPTIMIZATION;
    }

    static boolean aboutAttention(StoredPaper paper) {
        String text = (paper.title() + " " + paper.summary()).toLowerCase(Locale.ROOT);
        return text.contains("attention");
    }
}
