package io.tiercare.chassis.probe;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tiercare.chassis.job.ChunkMessages;
import io.tiercare.chassis.job.ChunkOutcome;
import io.tiercare.chassis.job.ChunkWork;
import io.tiercare.chassis.job.ChunkedJob;
import io.tiercare.chassis.job.JobKind;
import io.tiercare.chassis.job.KeyRange;
import io.tiercare.chassis.job.KeyRanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** A bulk job written the way services write theirs: it counts the probe's notes and sums their counts, by chunk. */
@ApplicationScoped
public class ProbeChunkWork implements ChunkWork {

    public static final String TOPIC = "probe.chunks";
    public static final String COUNTED = "counted";

    private final EntityManager em;
    private final ChunkMessages chunks;

    ProbeChunkWork(EntityManager em, ChunkMessages chunks) {
        this.em = em;
        this.chunks = chunks;
    }

    @Override
    public JobKind kind() {
        return new JobKind("probe-count", TOPIC, "tiercare.probe.chunk.v1");
    }

    @Override
    public List<KeyRange> ranges(int size) {
        return KeyRanges.cut(em, "select id as key from probe_note", size);
    }

    @Override
    public ChunkOutcome run(ChunkedJob job, KeyRange range) {
        Object[] sums = (Object[]) em.createNativeQuery(
                "select count(*), coalesce(sum(count), 0) from probe_note where id between ?1 and ?2")
                .setParameter(1, range.first()).setParameter(2, range.last()).getSingleResult();
        return ChunkOutcome.of(((Number) sums[0]).intValue(), COUNTED, ((Number) sums[1]).longValue());
    }

    @Incoming("probe-chunks")
    @Blocking(ordered = false)
    public void consume(ConsumerRecord<String, String> record) {
        chunks.take(record);
    }
}
