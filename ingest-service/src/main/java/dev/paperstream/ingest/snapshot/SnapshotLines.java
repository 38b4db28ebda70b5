package dev.paperstream.ingest.snapshot;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a snapshot, each at most {@code maxChars} long: a longer line is read to its end
 * without being kept, so that one endless line cannot take the service's memory. Lines end at
 * {@code \n}, a {@code \r} before it is dropped (JSON escapes both inside strings).
 */
final class SnapshotLines {
    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int end;
    private long skippedLength = -1;

    SnapshotLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /**
     * The next line, or null at the end of the input; for a line over the limit the answer is the
     * empty string and {@link #skippedLength()} says how long it was.
     */
    String next() throws IOException {
        skippedLength = -1;
        StringBuilder longLine = null;
        long length = 0;
        boolean read = false;
        while (true) {
            if (position == end && !fill()) {
                if (!read) {
                    return null;
                }
                break;
            }
            read = true;
            int start = position;
            while (position < end && buffer[position] != '\n') {
                position++;
            }
            int n = position - start;
            boolean complete = position < end;
            if (complete) {
                position++;
            }
            if (longLine == null && length == 0 && complete && n <= maxChars) {
                // the common case: the whole line is in the buffer
                return withoutCr(new String(buffer, start, n));
            }
            length += n;
            if (length > maxChars) {
                longLine = null;
            } else {
                longLine = longLine == null ? new StringBuilder() : longLine;
                longLine.append(buffer, start, n);
            }
            if (complete) {
                break;
            }
        }
        if (length > maxChars) {
            skippedLength = length;
            return "";
        }
        return withoutCr(longLine == null ? "" : longLine.toString());
    }

    /** The length of the line {@link #next()} last skipped for being too long, -1 when it skipped none. */
    long skippedLength() {
        return skippedLength;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        end = Math.max(n, 0);
        return n > 0;
    }

    private static String withoutCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
