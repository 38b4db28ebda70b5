package dev.paperstream.kernel.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** benchmark_attachment. Callers hold the transaction. */
@ApplicationScoped
public class AttachmentRepository implements PanacheRepositoryBase<BenchmarkAttachment, String> {

    /** The requests a job answers besides its own, in the order they came. */
    public List<BenchmarkAttachment> answeredBy(String jobId) {
        return list("answeredBy", Sort.by("attachedAt").and("jobId"), jobId);
    }
}
