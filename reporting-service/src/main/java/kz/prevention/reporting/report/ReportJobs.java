package kz.prevention.reporting.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Report generation as jobs: one at a time (the machine is small), progress as percent and stage
 * written to the job's row once per stage, the finished files stored with it ({@link ReportJobStore}),
 * so they outlive the process. Jobs finished longer ago than {@code reporting.jobs.retention} are
 * deleted with their files.
 * <p>
 * Every process says it is alive in {@code report_runner} every {@code reporting.jobs.heartbeat}; on the same
 * beat, and at start, the QUEUED or RUNNING jobs of a process silent for three beats (crashed, stopped, replaced
 * by a rolling update) are failed — by whichever replica looks first — while a replica still alive keeps its own.
 * They are not run again: the caller asked under the export limit and the audit of that moment, the figures may
 * have moved since; the job says the service restarted and to POST again.
 */
@ApplicationScoped
public class ReportJobs {

    private static final Logger LOG = Logger.getLogger(ReportJobs.class);
    static final String INTERRUPTED = "INTERRUPTED";
    static final String INTERRUPTED_ERROR = "the service restarted before the job finished: POST the job again";

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }

    @Inject
    ReportBuilder builder;
    @Inject
    ReportJobStore store;
    @ConfigProperty(name = "reporting.jobs.retention", defaultValue = "P30D")
    Duration retention;
    @ConfigProperty(name = "reporting.jobs.heartbeat", defaultValue = "PT30S")
    Duration heartbeat;

    /** This process: the jobs it queues carry it, so the next process knows which were left unfinished. */
    private final UUID runner = UUID.randomUUID();
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "report-jobs");
        t.setDaemon(true);
        return t;
    });

    private final java.util.concurrent.ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "report-jobs-heartbeat");
        t.setDaemon(true);
        return t;
    });

    void onStart(@Observes StartupEvent event) {
        store.heartbeat(runner);
        recoverInterrupted();
        prune();
        beat.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            store.heartbeat(runner);
            recoverInterrupted();
        } catch (RuntimeException e) {
            // The database away: the next beat tries again (a replica silent for three beats loses its jobs).
            LOG.warnf("report jobs: heartbeat failed (%s)", e.getMessage());
        }
    }

    /** Fails the jobs of processes silent for three heartbeats (or never seen) that were QUEUED or RUNNING; returns how many. */
    public int recoverInterrupted() {
        int failed = store.failUnfinishedOfSilentRunners(heartbeat.multipliedBy(3), INTERRUPTED, INTERRUPTED_ERROR);
        if (failed > 0) {
            LOG.warnf("%d report job(s) left unfinished by a previous process marked FAILED (%s)", failed, INTERRUPTED);
        }
        return failed;
    }

    /** Deletes the jobs finished before the retention and their files; returns how many. */
    public int prune() {
        return store.pruneFinishedBefore(clock.instant().minus(retention));
    }

    public ReportJobStore.Job submit(String owner, int year, String territory, String lang, boolean suppressed) {
        prune();
        ReportJobStore.Job job = new ReportJobStore.Job(UUID.randomUUID(), owner, year, territory, lang, suppressed,
                Status.QUEUED, 0, "QUEUED", null, Instant.now(clock), null);
        store.insert(job, runner);
        worker.submit(() -> run(job));
        return job;
    }

    /** The job, for its owner only: anyone else is told it does not exist. */
    public Optional<ReportJobStore.Job> find(UUID id, String owner) {
        return store.find(id).filter(j -> j.owner().equals(owner));
    }

    /** A finished job's file as stored. */
    public Optional<ReportJobStore.StoredFile> file(UUID id, ReportExports.Format format) {
        return store.file(id, format);
    }

    private void run(ReportJobStore.Job job) {
        String[] stage = {"QUEUED"};
        try {
            store.running(job.id());
            NationalReport report = builder.build(job.year(), job.territory(), job.suppressed(), (fraction, s) -> {
                // The builder tells once per indicator: a row update per stage, not per cell.
                if (!s.equals(stage[0])) {
                    stage[0] = s;
                    store.progress(job.id(), (int) Math.floor(fraction * 70), s);
                }
            });
            Map<ReportExports.Format, byte[]> files = new EnumMap<>(ReportExports.Format.class);
            int i = 0;
            for (ReportExports.Format f : ReportExports.Format.values()) {
                stage[0] = "RENDERING " + f.name();
                store.progress(job.id(), 70 + 30 * i++ / ReportExports.Format.values().length, stage[0]);
                files.put(f, ReportExports.export(report, f, job.lang()));
            }
            store.done(job.id(), files);
        } catch (RuntimeException e) {
            LOG.errorf(e, "report job %s failed at %s", job.id(), stage[0]);
            try {
                store.failed(job.id(), "FAILED", "the report could not be built at " + stage[0]);
            } catch (RuntimeException again) {
                LOG.errorf(again, "report job %s: its failure could not be recorded", job.id());
            }
        }
    }

    @PreDestroy
    void stop() {
        beat.shutdownNow();
        worker.shutdownNow();
    }
}
