package dev.paperstream.ingest.fulltext;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperParsed;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;

/** Tables {@code parsed_paper} (written here) and {@code paper_version} (read for the latest version). */
@ApplicationScoped
public class ParsedPaperRepository {
    private final AgroalDataSource dataSource;

    public ParsedPaperRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(PaperParsed parsed) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO parsed_paper (arxiv_id, version, parser, payload) VALUES (?, ?, ?, ?)
                        ON CONFLICT (arxiv_id, version) DO UPDATE
                        SET parser = EXCLUDED.parser, payload = EXCLUDED.payload, parsed_at = now()""")) {
            ps.setString(1, parsed.id());
            ps.setInt(2, parsed.version());
            ps.setString(3, parsed.parser());
            ps.setString(4, EventJson.write(parsed));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the parsed paper: " + e.getMessage(), e);
        }
    }

    /** The parsed structure of that version, or of the latest parsed version when version is 0. */
    public Optional<PaperParsed> find(String id, int version) {
        String sql = version > 0 ? "SELECT payload FROM parsed_paper WHERE arxiv_id = ? AND version = ?"
                : "SELECT payload FROM parsed_paper WHERE arxiv_id = ? ORDER BY version DESC LIMIT 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            if (version > 0) {
                ps.setInt(2, version);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(EventJson.read(rs.getString(1), PaperParsed.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the parsed paper: " + e.getMessage(), e);
        }
    }

    /** The highest version of the paper that ingest has seen. */
    public OptionalInt latestKnownVersion(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT max(version) FROM paper_version WHERE arxiv_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int v = rs.getInt(1);
                return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(v);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read paper versions: " + e.getMessage(), e);
        }
    }
}
