package dev.paperstream.ingest.oai;

/** The harvest of this set and format is running elsewhere (this or another instance). */
public class OaiHarvestBusyException extends RuntimeException {
    public OaiHarvestBusyException(String name) {
        super("the OAI-PMH harvest " + name + " is already running; try again when it has finished");
    }
}
