package dev.paperstream.notes.store;

import dev.paperstream.events.DuplicateReason;
import dev.paperstream.notes.channels.WebhookSignature;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The digest as sent to each channel ({@code digest_delivery}): planned in one short transaction, claimed with a
 * lease, sent outside any transaction, recorded per channel.
 */
@ApplicationScoped
public class DigestDeliveries {
    private final AgroalDataSource dataSource;
    private final LeasedDeliveries leases;

    public DigestDeliveries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.leases = new LeasedDeliveries(dataSource, "digest_delivery");
    }

    /** A claimed digest delivery: its channel, secret and the papers it lists. */
    public record Claimed(long id, String webhookId, String kind, String target, String secret, List<String> paperIds,
            int attempts) {
    }

    /** Adds each (paper, team) to the team's next digest, once, in one statement (the scores' batch). */
    public void collectAll(List<String> paperIds, List<String> teams) {
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

    /**
     * Takes the team's pending digest items whose paper is known and makes one delivery of them per channel the
     * team has now; answers how many papers that digest lists (0: nothing new). A near-duplicate (its score names
     * the paper it repeats) is taken without being listed when the team was told of that paper already, by an
     * announcement or an earlier digest, or is told of it in this one: one work, one mention.
     */
    @Transactional
    public int plan(String team) {
        try (Connection c = dataSource.getConnection()) {
            Map<String, String> pending = new LinkedHashMap<>(); // paper -> the paper it repeats, or null
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT d.paper_id, (SELECT reason FROM paper_score s, unnest(s.reasons) AS reason
                                        WHERE s.paper_id = d.paper_id AND s.team = d.team
                                          AND reason LIKE 'duplicate: %' LIMIT 1) AS duplicate_reason
                    FROM digest_item d JOIN paper p ON p.id = d.paper_id
                    WHERE d.team = ? AND d.sent_at IS NULL ORDER BY d.added_at, d.paper_id FOR UPDATE OF d""")) {
                ps.setString(1, team);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pending.put(rs.getString(1), DuplicateReason.sameWorkAs(rs.getString(2)));
                    }
                }
            }
            if (pending.isEmpty()) {
                return 0;
            }
            Set<String> told = toldAlready(c, team, pending.values().stream().filter(Objects::nonNull).toList());
            List<String> listed = pending.entrySet().stream().filter(e -> e.getValue() == null
                    || !(told.contains(e.getValue()) || pending.containsKey(e.getValue())))
                    .map(Map.Entry::getKey).toList();
            if (!listed.isEmpty()) {
                try (PreparedStatement plan = c.prepareStatement("INSERT INTO digest_delivery (team, kind, target,"
                        + " paper_ids) SELECT team, kind, target, ? FROM team_channel WHERE team = ?")) {
                    plan.setArray(1, Sql.textArray(c, listed));
                    plan.setString(2, team);
                    plan.executeUpdate();
                }
            }
            try (PreparedStatement taken = c.prepareStatement(
                    "UPDATE digest_item SET sent_at = now() WHERE team = ? AND paper_id = ANY (?)")) {
                taken.setString(1, team);
                taken.setArray(2, Sql.textArray(c, List.copyOf(pending.keySet())));
                taken.executeUpdate();
            }
            return listed.size();
        } catch (SQLException e) {
            throw Sql.failure("cannot plan the digest of " + team, e);
        }
    }

    /** Which of {@code paperIds} the team was told of: announced to a channel, or listed in a planned digest. */
    private static Set<String> toldAlready(Connection c, String team, List<String> paperIds) throws SQLException {
        Set<String> told = new HashSet<>();
        if (paperIds.isEmpty()) {
            return told;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT paper_id FROM notification WHERE team = ? AND paper_id = ANY (?)
                UNION
                SELECT paper_id FROM digest_item WHERE team = ? AND paper_id = ANY (?) AND sent_at IS NOT NULL""")) {
            ps.setString(1, team);
            ps.setArray(2, Sql.textArray(c, paperIds));
            ps.setString(3, team);
            ps.setArray(4, Sql.textArray(c, paperIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    told.add(rs.getString(1));
                }
            }
        }
        return told;
    }

    /** Claims the team's pending digest deliveries whose channel still exists, for {@code lease}. */
    public List<Claimed> claimPending(String team, Duration lease, UUID claimToken) {
        return leases.claim("", "d.team = ? AND EXISTS (SELECT 1 FROM team_channel ch WHERE ch.team = d.team"
                + " AND ch.kind = d.kind AND ch.target = d.target)", List.of(team), null, lease, claimToken,
                rs -> new Claimed(rs.getLong("id"), WebhookSignature.messageId(rs.getObject("delivery_id", UUID.class)),
                        rs.getString("kind"), rs.getString("target"), rs.getString("secret"),
                        Sql.textList(rs, "paper_ids"), rs.getInt("attempts")));
    }

    /** The titles of the listed papers, in the digest's order. */
    public Map<String, String> titles(List<String> paperIds) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, title FROM paper WHERE id = ANY (?)")) {
            ps.setArray(1, Sql.textArray(c, paperIds));
            Map<String, String> byId = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byId.put(rs.getString(1), rs.getString(2));
                }
            }
            Map<String, String> ordered = new LinkedHashMap<>();
            paperIds.forEach(id -> ordered.put(id, byId.getOrDefault(id, id)));
            return ordered;
        } catch (SQLException e) {
            throw Sql.failure("cannot read the titles of a digest", e);
        }
    }

    /** Whether the claimed delivery is still this claim's, pending, and its channel still exists. */
    public boolean stillWanted(long id, UUID claimToken) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM digest_delivery d JOIN team_channel ch"
                        + " ON ch.team = d.team AND ch.kind = d.kind AND ch.target = d.target"
                        + " WHERE d.id = ? AND d.status = 'PENDING' AND d.claim_token = ?")) {
            ps.setLong(1, id);
            ps.setObject(2, claimToken);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Sql.failure("cannot check digest delivery " + id, e);
        }
    }

    /** Records a digest delivery that arrived, whoever claimed it last: arrived is final. */
    public void delivered(long id) {
        leases.delivered(id);
    }

    /** Records a failed attempt of this claim; the next digest run sends it again unless {@code giveUp}. */
    public void failed(long id, UUID claimToken, String error, boolean giveUp) {
        leases.failed(id, claimToken, error, giveUp);
    }

    /** Gives a claimed digest delivery back unsent. */
    public void release(long id, UUID claimToken) {
        leases.release(id, claimToken);
    }

    /** Teams with digest items not yet planned, or digest deliveries still to send. */
    public List<String> teamsWithPending() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT team FROM digest_item WHERE sent_at IS NULL"
                        + " UNION SELECT team FROM digest_delivery WHERE status = 'PENDING' ORDER BY team");
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
