package dev.paperstream.ingest.api;

import java.nio.charset.StandardCharsets;

/**
 * OAI-PMH ListRecords pages shaped like arXiv's (namespaces, header with identifier, datestamp and
 * setSpec, resumption token with cursor and completeListSize), built in a test where a fixture file
 * would hide the one field that matters.
 */
final class OaiPages {
    private OaiPages() {
    }

    static byte[] page(String... records) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">
                <responseDate>2025-11-24T03:05:12Z</responseDate>
                <request verb="ListRecords" metadataPrefix="arXiv" set="cs">http://oaipmh.arxiv.org/oai</request>
                <ListRecords>
                """ + String.join("\n", records) + """
                <resumptionToken cursor="0" completeListSize="%d"></resumptionToken>
                </ListRecords>
                </OAI-PMH>
                """.formatted(records.length)).getBytes(StandardCharsets.UTF_8);
    }

    /** A record in the {@code arXiv} format; {@code updated} null for a paper with one version. */
    static String arxiv(String id, String created, String updated, String title) {
        return arxivWithAuthors(id, created, updated, title,
                "<author><keyname>Lovelace</keyname><forenames>Ada</forenames></author>");
    }

    static String arxivWithAuthors(String id, String created, String updated, String title, String authors) {
        return header(id, updated == null ? created : updated) + """
                <metadata>
                 <arXiv xmlns="http://arxiv.org/OAI/arXiv/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                xsi:schemaLocation="http://arxiv.org/OAI/arXiv/ http://arxiv.org/OAI/arXiv.xsd">
                 <id>%s</id><created>%s</created>%s<authors>%s</authors><title>%s</title>\
                <categories>cs.LG</categories><license>http://arxiv.org/licenses/nonexclusive-distrib/1.0/</license>\
                <abstract>  The abstract of %s.
                </abstract></arXiv>
                </metadata>
                </record>""".formatted(id, created, updated == null ? "" : "<updated>" + updated + "</updated>",
                authors, title, id);
    }

    /** A record in the {@code arXivRaw} format with versions v1..vN on the given days (RFC 1123). */
    static String arxivRaw(String id, String title, String... versionDates) {
        StringBuilder versions = new StringBuilder();
        for (int i = 0; i < versionDates.length; i++) {
            versions.append("<version version=\"v").append(i + 1).append("\"><date>").append(versionDates[i])
                    .append("</date><size>812kb</size><source_type>D</source_type></version>");
        }
        return header(id, "2025-11-12") + """
                <metadata>
                 <arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                xsi:schemaLocation="http://arxiv.org/OAI/arXivRaw/ http://arxiv.org/OAI/arXivRaw.xsd">
                 <id>%s</id><submitter>Ada Lovelace</submitter>%s<title>%s</title><authors>Ada Lovelace</authors>\
                <categories>cs.LG</categories><abstract>  The abstract of %s.
                </abstract></arXivRaw>
                </metadata>
                </record>""".formatted(id, versions, title, id);
    }

    private static String header(String id, String datestamp) {
        return """
                <record>
                <header>
                 <identifier>oai:arXiv.org:%s</identifier>
                 <datestamp>%s</datestamp>
                 <setSpec>cs</setSpec>
                </header>
                """.formatted(id, datestamp);
    }
}
