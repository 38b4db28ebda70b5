package dev.paperstream.notes.notify;

import dev.paperstream.events.EventJson;
import dev.paperstream.notes.db.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** MEDIUM papers collected per team and sent once a day as one message per channel. */
@ApplicationScoped
public class DigestService {
    private static final Logger LOG = Logger.getLogger(DigestService.class);

    private final AgroalDataSource dataSource;
    private final ChannelRepository channels;
    private final ChannelSender sender;
    private final NotifyConfig config;

    public DigestService(AgroalDataSource dataSource, ChannelRepository channels, ChannelSender sender,
            NotifyConfig config) {
        this.dataSource = dataSource;
        this.channels = channels;
        this.sender = sender;
        this.config = config;
    }

    /** Adds each (paper, team) to the team's next digest, once, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void collectAll(List<String> paperIds, List<String> teams) {
        if (paperIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO digest_item (team, paper_id)"
                        + " SELECT team, paper_id FROM unnest(?::text[], ?::text[]) AS d(paper_id, team)"
                        + " ON CONFLICT DO NOTHING")) {
            ps.setArray(1, Sql.textArray(c, paperIds));
            ps.setArray(2, Sql.textArray(c, teams));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("cannot add " + paperIds.size() + " papers to digests", e);
        }
    }

    @Scheduled(cron = "${paperstream.notify.digest-cron:0 0 8 * * ?}")
    void daily() {
        for (String team : teamsWithPending()) {
            try {
                send(team);
            } catch (RuntimeException e) {
                LOG.warnf("digest for %s not sent, it stays pending: %s", team, e.getMessage());
            }
        }
    }

    /** Sends the team's pending digest now; returns how many papers it listed (0: nothing was sent). */
    @Transactional
    public int send(String team) {
        List<String> ids = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT d.paper_id, p.title FROM digest_item d JOIN paper p ON p.id = d.paper_id
                        WHERE d.team = ? AND d.sent_at IS NULL ORDER BY d.added_at FOR UPDATE OF d""")) {
            ps.setString(1, team);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    lines.add(rs.getString(2) + " " + Messages.pageUrl(config.publicUrl(), rs.getString(1)));
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            String text = Messages.digestText(team, lines);
            Message message = new Message("Paperstream digest for " + team + ": " + ids.size() + " MEDIUM papers",
                    text, Messages.digestSlack(text),
                    EventJson.write(Map.of("event", "digest", "team", team, "papers", ids, "text", text)));
            for (Channel ch : channels.forTeam(team)) {
                sender.send(ch.kind(), ch.target(), ch.secret(), message);
            }
            try (PreparedStatement mark = c.prepareStatement(
                    "UPDATE digest_item SET sent_at = now() WHERE team = ? AND paper_id = ANY (?)")) {
                mark.setString(1, team);
                mark.setArray(2, Sql.textArray(c, ids));
                mark.executeUpdate();
            }
            return ids.size();
        } catch (SQLException e) {
            throw Sql.failure("cannot send the digest of " + team, e);
        }
    }

    private List<String> teamsWithPending() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT DISTINCT team FROM digest_item WHERE sent_at IS NULL ORDER BY team");
                ResultSet rs = ps.executeQuery()) {
            List<String> teams = new ArrayList<>();
            while (rs.next()) {
                teams.add(rs.getString(1));
            }
            return teams;
        } catch (SQLException e) {
            throw Sql.failure("cannot list pending digests", e);
        }
    }
}
