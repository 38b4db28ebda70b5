package dev.paperstream.notes.queue;

/** Where a team is with a paper. */
public enum ReadingStatus {
    NOT_STARTED, PASS1_DONE, PASS2_DONE, PASS3_DONE, ARCHIVED
}
