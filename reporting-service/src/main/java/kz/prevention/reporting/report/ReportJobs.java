package kz.prevention.reporting.report;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * Report generation as jobs: one at a time (the machine is small), progress as percent and
 * stage, the finished files kept in memory for their owner to download. Files are a function of
 * the period and the data, so a job lost with a restart is simply run again.
 */
@ApplicationScoped
public class ReportJobs {

    private static final Logger LOG = Logger.getLogger(ReportJobs.class);
    /** Finished jobs kept; the oldest go first. */
    static final int KEEP = 50;

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }

    public static final class Job {
        public final UUID id = UUID.randomUUID();
        public final String owner;
        public final int year;
        public final String territory;
        public final String lang;
        public final boolean suppressed;
        volatile Status status = Status.QUEUED;
        volatile int percent;
        volatile String stage = "QUEUED";
        final Map<ReportExports.Format, byte[]> files = new EnumMap<>(ReportExports.Format.class);

        Job(String owner, int year, String territory, String lang, boolean suppressed) {
            this.owner = owner;
            this.year = year;
            this.territory = territory;
            this.lang = lang;
            this.suppressed = suppressed;
        }

        public Status status() {
            return status;
        }

        public int percent() {
            return percent;
        }

        public String stage() {
            return stage;
        }

        public synchronized Optional<byte[]> file(ReportExports.Format format) {
            return Optional.ofNullable(files.get(format));
        }
    }

    @Inject
    ReportBuilder builder;

    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "report-jobs");
        t.setDaemon(true);
        return t;
    });

    public Job submit(String owner, int year, String territory, String lang, boolean suppressed) {
        Job job = new Job(owner, year, territory, lang, suppressed);
        forgetOld();
        jobs.put(job.id, job);
        worker.submit(() -> run(job));
        return job;
    }

    /** The job, for its owner only: anyone else is told it does not exist. */
    public Optional<Job> find(UUID id, String owner) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(owner));
    }

    private void run(Job job) {
        job.status = Status.RUNNING;
        try {
            NationalReport report = builder.build(job.year, job.territory, job.suppressed, (fraction, stage) -> {
                job.percent = (int) Math.floor(fraction * 70);
                job.stage = stage;
            });
            int i = 0;
            for (ReportExports.Format f : ReportExports.Format.values()) {
                job.stage = "RENDERING " + f.name();
                job.percent = 70 + 30 * i++ / ReportExports.Format.values().length;
                byte[] bytes = ReportExports.export(report, f, job.lang);
                synchronized (job) {
                    job.files.put(f, bytes);
                }
            }
            job.percent = 100;
            job.stage = "DONE";
            job.status = Status.DONE;
        } catch (RuntimeException e) {
            LOG.errorf(e, "report job %s failed", job.id);
            job.stage = "FAILED";
            job.status = Status.FAILED;
        }
    }

    private void forgetOld() {
        if (jobs.size() >= KEEP) {
            jobs.values().stream().filter(j -> j.status == Status.DONE || j.status == Status.FAILED).findAny()
                    .ifPresent(j -> jobs.remove(j.id));
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
