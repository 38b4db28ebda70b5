package dev.paperstream.kernel.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The kernel build a measurement belongs to: a result measured by other kernel code answers no question
 * about this one. Part of every job's configuration key.
 */
@ApplicationScoped
public class KernelBuild {
    private final String id;

    public KernelBuild(KernelConfig config,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.id = config.buildId().orElseGet(() -> version + "+" + sourceHash()
                + "+" + System.getProperty("paperstream.kernel.cuda.fused", "flash"));
    }

    public String id() {
        return id;
    }

    // the CUDA source is the part of the kernels that changes without the version; the Java kernels ship
    // with the version
    private static String sourceHash() {
        try (InputStream in = KernelBuild.class.getResourceAsStream("/cuda/attention.cu")) {
            if (in == null) {
                return "no-cuda-source";
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the CUDA kernel source", e);
        }
    }
}
