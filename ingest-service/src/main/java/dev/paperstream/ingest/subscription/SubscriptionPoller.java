package dev.paperstream.ingest.subscription;

import dev.paperstream.ingest.arxiv.ArxivClient;
import dev.paperstream.ingest.arxiv.ArxivConfig;
import dev.paperstream.ingest.arxiv.ArxivContact;
import dev.paperstream.ingest.arxiv.ArxivQueryApi;
import dev.paperstream.ingest.arxiv.ArxivResponse;
import dev.paperstream.ingest.feed.FeedPage;
import dev.paperstream.ingest.feed.RssFeedParser;
import dev.paperstream.ingest.feed.SafeXml;
import dev.paperstream.ingest.feed.UnreadableDocumentException;
import dev.paperstream.ingest.imports.ImportResult;
import dev.paperstream.ingest.imports.PaperImporter;
import dev.paperstream.ingest.store.Subscription;
import dev.paperstream.ingest.store.SubscriptionRepository;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamReader;
import org.jboss.logging.Logger;

/**
 * Polls every subscription: all categories in one RSS request ({@code /rss/cs.LG+cs.CL}), each query
 * through the query API, newest first. Runs after arXiv's announcements (Sunday to Thursday, 20:00
 * US Eastern) and on demand; every request goes through the shared polite client.
 */
@ApplicationScoped
public class SubscriptionPoller {
    private static final Logger LOG = Logger.getLogger(SubscriptionPoller.class);

    private final SubscriptionRepository subscriptions;
    private final SubscriptionConfig config;
    private final ArxivClient client;
    private final ArxivConfig arxiv;
    private final ArxivQueryApi queryApi;
    private final PaperImporter importer;

    public SubscriptionPoller(SubscriptionRepository subscriptions, SubscriptionConfig config, ArxivClient client,
            ArxivConfig arxiv, ArxivQueryApi queryApi, PaperImporter importer) {
        this.subscriptions = subscriptions;
        this.config = config;
        this.client = client;
        this.arxiv = arxiv;
        this.queryApi = queryApi;
        this.importer = importer;
    }

    /** What one poll of one category set or query did; {@code ids} are the papers it accepted. */
    public record Outcome(String kind, String value, int accepted, int duplicates, int rejected, String error,
            List<String> ids) {
        static Outcome of(String kind, String value, ImportResult result) {
            return new Outcome(kind, value, result.accepted(), result.duplicates(), result.rejected().size(), null,
                    result.ids());
        }

        static Outcome failed(String kind, String value, String error) {
            return new Outcome(kind, value, 0, 0, 0, error, List.of());
        }
    }

    void addConfigured(@Observes StartupEvent start) {
        config.categories().orElse(List.of())
                .forEach(c -> subscriptions.add(config.team(), Subscription.Kind.category, c.trim()));
        config.queries().orElse(List.of())
                .forEach(q -> subscriptions.add(config.team(), Subscription.Kind.query, q.trim()));
        if (config.applyDefaults() && subscriptions.applyDefaultsOnce(config.team(), config.defaultCategories(),
                config.defaultQueries())) {
            LOG.infof("fresh install: team %s follows %s through RSS and %s through the query API"
                    + " (paperstream.subscriptions.default-categories and default-queries)", config.team(),
                    config.defaultCategories(), config.defaultQueries());
        }
    }

    @Scheduled(cron = "${paperstream.subscriptions.cron:0 30 20 ? * SUN-THU}",
            timeZone = "${paperstream.subscriptions.time-zone:America/New_York}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!ArxivContact.allowsScheduledPolling(arxiv, "the scheduled subscription poll")) {
            return;
        }
        List<Outcome> outcomes = pollAll();
        LOG.infof("polled %d subscription sources: %s", outcomes.size(), outcomes);
    }

    public List<Outcome> pollAll() {
        List<Subscription> all = subscriptions.all();
        TreeSet<String> categories = new TreeSet<>();
        TreeSet<String> queries = new TreeSet<>();
        for (Subscription s : all) {
            (s.kind == Subscription.Kind.category ? categories : queries).add(s.value);
        }
        List<Outcome> outcomes = new ArrayList<>();
        if (!categories.isEmpty()) {
            outcomes.add(pollCategories(String.join("+", categories), categories));
        }
        for (String query : queries) {
            outcomes.add(pollQuery(query));
        }
        return outcomes;
    }

    private Outcome pollCategories(String joined, TreeSet<String> categories) {
        try {
            ArxivResponse response = client.get(URI.create(arxiv.rssUrl() + "/" + joined));
            if (response.status() != 200) {
                throw new UnreadableDocumentException("RSS answered " + response.status() + " for " + joined);
            }
            XMLStreamReader root = SafeXml.openAtRoot(new ByteArrayInputStream(response.body()));
            if (!RssFeedParser.isRss(root)) {
                throw new UnreadableDocumentException("RSS for " + joined + " is not an RSS feed: "
                        + SafeXml.qualifiedName(root));
            }
            FeedPage page = RssFeedParser.parseFeed(root).toPage();
            ImportResult result = importer.importPapers(page.papers(), page.rejected());
            categories.forEach(c -> subscriptions.recordPoll(Subscription.Kind.category, c, result.accepted(), null));
            return Outcome.of("category", joined, result);
        } catch (RuntimeException e) {
            categories.forEach(c -> subscriptions.recordPoll(Subscription.Kind.category, c, null, e.getMessage()));
            LOG.warnf("polling categories %s failed: %s", joined, e.getMessage());
            return Outcome.failed("category", joined, e.getMessage());
        }
    }

    private Outcome pollQuery(String query) {
        try {
            FeedPage page = queryApi.page(query, 0, config.queryPageSize());
            ImportResult result = importer.importPapers(page.papers(), page.rejected());
            subscriptions.recordPoll(Subscription.Kind.query, query, result.accepted(), null);
            return Outcome.of("query", query, result);
        } catch (RuntimeException e) {
            subscriptions.recordPoll(Subscription.Kind.query, query, null, e.getMessage());
            LOG.warnf("polling query %s failed: %s", query, e.getMessage());
            return Outcome.failed("query", query, e.getMessage());
        }
    }
}
