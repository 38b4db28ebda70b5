package dev.paperstream.priority.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Thumbs up and down of teams on papers, joined with the papers' text for training. */
@ApplicationScoped
public class FeedbackRepository {
    private final AgroalDataSource dataSource;

    public FeedbackRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A vote on a paper and, when priority has seen the paper, its title and abstract. */
    public record Vote(String paperId, boolean liked, String title, String abstractText) {
        public boolean hasText() {
            return title != null;
        }
    }

    public void vote(String team, String paperId, boolean liked) {
        String sql = """
                INSERT INTO feedback (team, paper_id, vote) VALUES (?, ?, ?)
                ON CONFLICT (team, paper_id) DO UPDATE SET vote = EXCLUDED.vote, voted_at = now()
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, team);
            ps.setString(2, paperId);
            ps.setShort(3, (short) (liked ? 1 : -1));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store feedback: " + e.getMessage(), e);
        }
    }

    /** Every vote of the team, with the paper's text when known. */
    public List<Vote> votes(String team) {
        String sql = """
                SELECT f.paper_id, f.vote, p.title, p.abstract FROM feedback f LEFT JOIN paper p ON p.id = f.paper_id
                WHERE f.team = ? ORDER BY f.voted_at, f.paper_id
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, team);
            try (ResultSet rs = ps.executeQuery()) {
                List<Vote> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Vote(rs.getString(1), rs.getShort(2) > 0, rs.getString(3), rs.getString(4)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read feedback: " + e.getMessage(), e);
        }
    }

    /** Title and abstract of the given papers, for seed papers. */
    public List<Vote> seedTexts(List<String> paperIds) {
        if (paperIds.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, title, abstract FROM paper WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", paperIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                List<Vote> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Vote(rs.getString(1), true, rs.getString(2), rs.getString(3)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read seed papers: " + e.getMessage(), e);
        }
    }
}
