package dev.paperstream.notes.benchmarks;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperScored;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.notes.papers.StoredPaper;
import dev.paperstream.notes.store.BenchmarkQuestionRepository;
import dev.paperstream.notes.store.PaperRepository;
import dev.paperstream.notes.store.ScoreRepository;
import dev.paperstream.support.outbox.Outbox;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Once a paper is both known to be about attention and scored HIGH as an optimization paper by some team
 * (whichever fact arrives last), links it to the benchmark question it asks. Only a question without a
 * fresh job gets a new one (one benchmark.requested through the outbox); every paper linked to the question
 * shows that job's result.
 */
@ApplicationScoped
public class BenchmarkTrigger {
    private final PaperRepository papers;
    private final ScoreRepository scores;
    private final BenchmarkQuestionRepository questions;
    private final Outbox outbox;
    private final BenchmarkSettings settings;

    public BenchmarkTrigger(PaperRepository papers, ScoreRepository scores, BenchmarkQuestionRepository questions,
            Outbox outbox, BenchmarkSettings settings) {
        this.papers = papers;
        this.scores = scores;
        this.questions = questions;
        this.outbox = outbox;
        this.settings = settings;
    }

    void checkSettings(@Observes StartupEvent event) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    /**
     * For a newly stored score: only a score that qualifies itself can start a request, since the paper's
     * other scores were considered when they, or the paper, arrived. Saves two reads for most scores.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String scored(PaperScored score) {
        return qualifies(score) ? consider(score.id()) : null;
    }

    /** {@link #consider(String)} for each paper, in order; returns the job ids, null where none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> consider(List<String> paperIds) {
        List<String> jobs = new ArrayList<>(paperIds.size());
        for (String id : paperIds) {
            jobs.add(consider(id));
        }
        return jobs;
    }

    /**
     * Returns the job that answers the paper's question (new or shared), or null when the paper does not
     * qualify, or another transaction is requesting its question right now (its job answers this paper too).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String consider(String paperId) {
        StoredPaper paper = papers.find(paperId).orElse(null);
        if (paper == null || !aboutAttention(paper) || scores.forPaper(paperId).stream().noneMatch(this::qualifies)) {
            return null;
        }
        BenchmarkQuestion question = BenchmarkQuestion.of(settings, ClaimedShape.in(statedText(paper)));
        String key = question.key();
        questions.link(paperId, key);
        BenchmarkQuestionRepository.Question current =
                questions.find(key, settings.freshness(), settings.retryAfter()).orElse(null);
        if (current != null && current.fresh()) {
            return current.jobId();
        }
        // Without waiting: two transactions that each ask several new questions in other orders must not
        // deadlock; the one that loses here is answered by the other's job through its link.
        if (!questions.tryLock(key)) {
            return null;
        }
        String jobId = "bench-" + UUID.randomUUID();
        if (questions.ask(key, EventJson.write(question), jobId, settings.freshness(), settings.retryAfter())) {
            outbox.add(paperId, question.request(jobId, paperId));
            return jobId;
        }
        return questions.find(key, settings.freshness(), settings.retryAfter())
                .map(BenchmarkQuestionRepository.Question::jobId).orElse(null);
    }

    /**
     * Where a paper states the shapes of its claims: title, abstract and arXiv comment. The full text
     * usually arrives after the score, and the abstract carries the headline claim.
     */
    public static String statedText(StoredPaper paper) {
        return String.join(" ", Objects.toString(paper.title(), ""), Objects.toString(paper.summary(), ""),
                Objects.toString(paper.comment(), ""));
    }

    private boolean qualifies(PaperScored s) {
        return s.priority() == Priority.HIGH && s.paperType() == PaperType.OPTIMIZATION;
    }

    static boolean aboutAttention(StoredPaper paper) {
        String text = (paper.title() + " " + paper.summary()).toLowerCase(Locale.ROOT);
        return text.contains("attention");
    }
}
