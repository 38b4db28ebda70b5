package dev.paperstream.notes.store;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperParsed;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The parsed full text of each paper's newest parsed version. */
@ApplicationScoped
public class ParsedRepository {
    private final AgroalDataSource dataSource;

    public ParsedRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when this version is now the stored one (an older version never replaces a newer one). */
    public boolean upsert(PaperParsed p) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO paper_parsed (paper_id, version, parser, sections, algorithms, code_links,
                                                  reference_count, has_limitations, has_appendix)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (paper_id) DO UPDATE SET version = EXCLUDED.version, parser = EXCLUDED.parser,
                            sections = EXCLUDED.sections, algorithms = EXCLUDED.algorithms,
                            code_links = EXCLUDED.code_links, reference_count = EXCLUDED.reference_count,
                            has_limitations = EXCLUDED.has_limitations, has_appendix = EXCLUDED.has_appendix,
                            received_at = now()
                        WHERE paper_parsed.version <= EXCLUDED.version""")) {
            ps.setString(1, p.id());
            ps.setInt(2, p.version());
            ps.setString(3, p.parser());
            ps.setString(4, EventJson.write(p.sections()));
            ps.setString(5, EventJson.write(p.algorithms()));
            ps.setArray(6, Sql.textArray(c, p.codeLinks()));
            ps.setInt(7, p.referenceCount());
            ps.setBoolean(8, p.hasLimitations());
            ps.setBoolean(9, p.hasAppendix());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failure("cannot store parsed text of " + p.id(), e);
        }
    }

    public Optional<PaperParsed> find(String paperId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM paper_parsed WHERE paper_id = ?")) {
            ps.setString(1, paperId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PaperParsed(paperId, rs.getInt("version"), rs.getString("parser"),
                        List.of(EventJson.read(rs.getString("sections"), PaperParsed.Section[].class)),
                        List.of(), List.of(),
                        List.of(EventJson.read(rs.getString("algorithms"), PaperParsed.AlgorithmBlock[].class)),
                        rs.getInt("reference_count"), Sql.textList(rs, "code_links"),
                        rs.getBoolean("has_limitations"), rs.getBoolean("has_appendix")));
            }
        } catch (SQLException e) {
            throw Sql.failure("cannot read parsed text of " + paperId, e);
        }
    }
}
