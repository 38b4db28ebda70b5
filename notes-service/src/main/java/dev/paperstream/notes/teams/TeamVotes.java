package dev.paperstream.notes.teams;

import dev.paperstream.notes.store.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The votes people cast through these pages as priority took them (table {@code team_vote}), so that a page marks
 * a person's own vote without asking priority for each row.
 */
@ApplicationScoped
public class TeamVotes {
    private final AgroalDataSource dataSource;

    public TeamVotes(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the person's vote after priority took it; their new vote on the paper and team replaces the old. */
    public void record(String paperId, String team, String voter, FeedbackClient.Vote vote) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO team_vote (paper_id, team, voter, vote) VALUES (?, ?, ?, ?)
                        ON CONFLICT (paper_id, team, voter) DO UPDATE SET vote = EXCLUDED.vote, voted_at = now()
                        """)) {
            ps.setString(1, paperId);
            ps.setString(2, team);
            ps.setString(3, voter);
            ps.setString(4, vote.wire());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("cannot record the vote on " + paperId + " for " + team, e);
        }
    }

    /** The person's votes on the given papers, keyed by {@link #key}. */
    public Map<String, FeedbackClient.Vote> of(String voter, Collection<String> paperIds) {
        Map<String, FeedbackClient.Vote> out = new HashMap<>();
        if (voter == null || paperIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT paper_id, team, vote FROM team_vote WHERE voter = ? AND paper_id = ANY(?)")) {
            ps.setString(1, voter);
            ps.setArray(2, c.createArrayOf("text", paperIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(key(rs.getString(1), rs.getString(2)), FeedbackClient.Vote.of(rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("cannot read " + voter + "'s votes", e);
        }
        return out;
    }

    public static String key(String paperId, String team) {
        return paperId + " " + team;
    }

    /** The paper of a {@link #key}: arXiv ids hold no space. */
    public static String paperOf(String key) {
        return key.substring(0, key.indexOf(' '));
    }
}
