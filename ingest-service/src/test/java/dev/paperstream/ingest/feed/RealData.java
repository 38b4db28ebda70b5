package dev.paperstream.ingest.feed;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared real-world samples (../shared/realdata), when the build has them; tests skip otherwise. */
public final class RealData {
    private RealData() {
    }

    public static Path folder(String name) {
        String dir = System.getProperty("paperstream.realdata.dir");
        assumeTrue(dir != null, "paperstream.realdata.dir is not set");
        Path folder = Path.of(dir).resolve(name);
        assumeTrue(Files.isDirectory(folder), "no real data at " + folder);
        return folder;
    }

    /** Every file below the folder with the given suffix, sorted. */
    public static List<Path> files(String name, String suffix) {
        try (Stream<Path> walk = Files.walk(folder(name))) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
