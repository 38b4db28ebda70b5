package dev.paperstream.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local arxiv.org for the launcher: the RSS feed and the query API answer with real recorded responses
 * (../shared/realdata), PDFs with 404. A combined request such as {@code /rss/cs.AI+cs.CL+cs.LG} gets one
 * channel holding the items of the recorded feeds, as arXiv's combined feeds do; on a "weekend" the
 * channel has no items and the query API repeats what it said before.
 */
final class ArxivStandIn implements AutoCloseable {
    record Request(String path, String query, String userAgent) {
    }

    private static final Pattern ITEM = Pattern.compile("\\s*<item>.*?</item>", Pattern.DOTALL);
    private static final Pattern RSS_LINK = Pattern.compile("<link>https?://arxiv\\.org/abs/([^<]+)</link>");
    private static final Pattern ATOM_ID = Pattern.compile("<id>https?://arxiv\\.org/abs/([^<]+?)(?:v\\d+)?</id>");

    private final HttpServer server;
    private final String rssWeekday;
    private final String rssWeekend;
    private final byte[] apiPage;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile boolean weekend;

    ArxivStandIn(List<Path> rssFeeds, Path apiPage) throws IOException {
        List<String> feeds = new ArrayList<>();
        for (Path p : rssFeeds) {
            feeds.add(Files.readString(p));
        }
        String first = feeds.get(0);
        Matcher firstItem = ITEM.matcher(first);
        if (!firstItem.find()) {
            throw new IllegalArgumentException(rssFeeds.get(0) + " has no item");
        }
        String head = first.substring(0, firstItem.start());
        String tail = first.substring(first.lastIndexOf("</item>") + "</item>".length());
        StringBuilder items = new StringBuilder();
        Set<String> seen = new LinkedHashSet<>();
        for (String feed : feeds) {
            Matcher item = ITEM.matcher(feed);
            while (item.find()) {
                Matcher link = RSS_LINK.matcher(item.group());
                if (link.find() && seen.add(link.group(1))) {
                    items.append(item.group());
                }
            }
        }
        this.rssWeekday = head + items + tail;
        this.rssWeekend = head + tail;
        this.apiPage = Files.readAllBytes(apiPage);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void weekend(boolean weekend) {
        this.weekend = weekend;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The arXiv ids of the items in the weekday feed. */
    Set<String> rssIds() {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = RSS_LINK.matcher(rssWeekday);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The arXiv ids of the query API page's entries, without version. */
    Set<String> apiIds() {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = ATOM_ID.matcher(new String(apiPage, StandardCharsets.UTF_8));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("User-Agent")));
        try (exchange) {
            if (path.startsWith("/rss/")) {
                reply(exchange, 200, "application/rss+xml; charset=utf-8",
                        (weekend ? rssWeekend : rssWeekday).getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/api/query")) {
                reply(exchange, 200, "application/atom+xml; charset=utf-8", apiPage);
            } else {
                reply(exchange, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
