package dev.paperstream.priority.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.priority.teams.TeamProfile;
import dev.paperstream.priority.teams.WeightedTerm;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Team profiles as the teams edited them. */
@ApplicationScoped
public class TeamRepository {
    private static final TypeReference<List<WeightedTerm>> TERMS = new TypeReference<>() {
    };
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public TeamRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public List<TeamProfile> all() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT team, categories, terms, seed_papers, match_all FROM team_profile ORDER BY team");
                ResultSet rs = ps.executeQuery()) {
            List<TeamProfile> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new TeamProfile(rs.getString(1), strings(rs.getArray(2)),
                        json.readValue(rs.getString(3), TERMS), strings(rs.getArray(4)), rs.getBoolean(5)));
            }
            return out;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read team profiles: " + e.getMessage(), e);
        }
    }

    public void save(TeamProfile p) {
        String sql = """
                INSERT INTO team_profile (team, categories, terms, seed_papers, match_all) VALUES (?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (team) DO UPDATE SET categories = EXCLUDED.categories, terms = EXCLUDED.terms,
                    seed_papers = EXCLUDED.seed_papers, match_all = EXCLUDED.match_all, updated_at = now()
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, p.team());
            ps.setArray(2, c.createArrayOf("text", p.categories().toArray()));
            ps.setString(3, json.writeValueAsString(p.terms()));
            ps.setArray(4, c.createArrayOf("text", p.seedPapers().toArray()));
            ps.setBoolean(5, p.matchAll());
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot save the profile of " + p.team() + ": " + e.getMessage(), e);
        }
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
