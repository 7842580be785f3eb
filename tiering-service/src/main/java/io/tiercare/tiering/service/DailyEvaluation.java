package io.tiercare.tiering.service;

import java.time.Clock;
import java.time.LocalDate;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.tiercare.chassis.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Once a day (business time) every customer is re-evaluated: windows roll, days since the last purchase grow,
 * grace periods end and warnings fall due without any event. Every replica schedules it; the run key lets only the
 * first start the day's job, whose chunks all replicas then share.
 */
@ApplicationScoped
public class DailyEvaluation {

    private static final Logger LOG = Logger.getLogger(DailyEvaluation.class);

    private final EvaluationJobService jobs;
    private final BusinessTime businessTime;
    private final Clock clock;

    DailyEvaluation(EvaluationJobService jobs, BusinessTime businessTime, Clock clock) {
        this.jobs = jobs;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    @Scheduled(cron = "${tiercare.tiering.daily-cron:0 5 0 * * ?}",
            timeZone = "${tiercare.business-time-zone:Asia/Shanghai}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Starts today's job unless it was started already; returns it, or null. */
    public JobView run() {
        LocalDate today = clock.instant().atZone(businessTime.zone()).toLocalDate();
        JobView job = jobs.start("daily evaluation", "daily:" + today, "scheduler");
        if (job != null) {
            LOG.infof("Daily evaluation %s started: %d customers in %d chunks", job.id(), job.customers(),
                    job.chunks());
        }
        return job;
    }
}
