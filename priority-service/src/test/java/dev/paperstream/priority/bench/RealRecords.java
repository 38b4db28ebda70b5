package dev.paperstream.priority.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The real arXiv records of ../shared/realdata (nobody on the project wrote them): the metadata snapshot's
 * JSON Lines and the entries of the recorded arXiv API responses, each paper once (the first occurrence of
 * an id without version), with its primary category.
 */
public record RealRecords(List<Paper> papers) {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String ARXIV = "http://arxiv.org/schemas/atom";

    /** A real paper: its id without version, title, abstract and primary category. */
    public record Paper(String id, String title, String abstractText, String primaryCategory) {
        /** The archive of the primary category: {@code cs} of cs.SE, {@code hep-th} of hep-th, {@code math}... */
        public String archive() {
            int dot = primaryCategory.indexOf('.');
            return dot < 0 ? primaryCategory : primaryCategory.substring(0, dot);
        }
    }

    /** The folder: {@code -Dpaperstream.realdata.dir}, else ../shared/realdata from here or the parent folder. */
    public static Optional<Path> folder() {
        String configured = System.getProperty("paperstream.realdata.dir");
        for (String dir : configured != null ? List.of(configured) : List.of("../shared/realdata", "../../shared/realdata")) {
            if (Files.isDirectory(Path.of(dir, "F-kaggle-metadata-snapshot"))) {
                return Optional.of(Path.of(dir));
            }
        }
        return Optional.empty();
    }

    public static RealRecords load(Path dir) {
        Map<String, Paper> byId = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (Path f : list(dir.resolve("F-kaggle-metadata-snapshot"), ".jsonl")) {
                for (String line : Files.readAllLines(f)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode r = json.readTree(line);
                    byId.putIfAbsent(r.get("id").asText(), new Paper(r.get("id").asText(), clean(r.get("title").asText()),
                            clean(r.get("abstract").asText()), r.get("categories").asText().split(" ")[0]));
                }
            }
            List<Path> atom = new ArrayList<>(list(dir.resolve("A-arxiv-api/recorded-2026-body"), ".xml"));
            atom.addAll(list(dir.resolve("A-arxiv-api"), ".xml"));
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            for (Path f : atom) {
                Document doc = factory.newDocumentBuilder().parse(f.toFile());
                NodeList entries = doc.getElementsByTagNameNS(ATOM, "entry");
                for (int i = 0; i < entries.getLength(); i++) {
                    Element e = (Element) entries.item(i);
                    String id = text(e, ATOM, "id").replaceAll("^.*/abs/", "").replaceAll("v\\d+$", "");
                    NodeList primary = e.getElementsByTagNameNS(ARXIV, "primary_category");
                    if (id.isEmpty() || primary.getLength() == 0) {
                        continue;
                    }
                    byId.putIfAbsent(id, new Paper(id, clean(text(e, ATOM, "title")), clean(text(e, ATOM, "summary")),
                            ((Element) primary.item(0)).getAttribute("term")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the real records in " + dir + ": " + e.getMessage(), e);
        }
        return new RealRecords(List.copyOf(byId.values()));
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String text(Element e, String ns, String name) {
        NodeList found = e.getElementsByTagNameNS(ns, name);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent();
    }

    private static String clean(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
