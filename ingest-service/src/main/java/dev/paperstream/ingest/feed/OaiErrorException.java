package dev.paperstream.ingest.feed;

/** An OAI-PMH error response (badResumptionToken, badArgument, cannotDisseminateFormat, ...). */
public class OaiErrorException extends UnreadableDocumentException {
    private final String code;

    public OaiErrorException(String code, String message) {
        super("OAI-PMH error " + code + ": " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
