package io.audience.scheduling;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Background work runs on three schedulers: activities (imports and bulk work), mail, and
 * housekeeping (retention and expired grants), and the listeners of module events on a fourth executor. With Spring's one shared scheduler thread, a mail
 * send stuck on a silent SMTP server held back every import and purge; now each {@code @Scheduled}
 * job names its executor, and a stuck one stalls only its own kind.
 */
@Configuration(proxyBeanMethods = false)
public class Schedulers {

    public static final String ACTIVITIES = "activityScheduler";
    public static final String MAIL = "mailScheduler";
    public static final String HOUSEKEEPING = "housekeepingScheduler";
    public static final String WEBHOOKS = "webhookScheduler";

    // Each scheduler takes the DataSource so that Spring stops it, and waits for its running job,
    // before it closes the pool and the embedded PostgreSQL: otherwise a job still running at
    // shutdown waits 30 s for a connection to a database that is gone.
    @Bean(name = ACTIVITIES)
    ThreadPoolTaskScheduler activityScheduler(DataSource database) {
        return scheduler("activity-", 1);
    }

    @Bean(name = MAIL)
    ThreadPoolTaskScheduler mailScheduler(DataSource database) {
        return scheduler("mail-", 1);
    }

    /** Polls for due webhook deliveries and expands imports' event batches (two threads, so neither waits on the other); the deliveries themselves run on the webhook module's own pool. */
    @Bean(name = WEBHOOKS)
    ThreadPoolTaskScheduler webhookScheduler(DataSource database) {
        return scheduler("webhook-poll-", 2);
    }

    /** Two threads: four jobs, each of which may take a while on a big table. */
    @Bean(name = HOUSEKEEPING)
    ThreadPoolTaskScheduler housekeepingScheduler(DataSource database) {
        return scheduler("housekeeping-", 2);
    }

    /**
     * The listeners of events between modules run here, after the publishing transaction commits
     * (Spring Modulith's {@code @ApplicationModuleListener} is {@code @Async}); "taskExecutor" is
     * the name {@code @Async} looks for. A full queue refuses the event, whose publication then
     * stays in the registry and is delivered again at the next start.
     */
    @Bean(name = "taskExecutor")
    ThreadPoolTaskExecutor eventListeners(DataSource database) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor() {
            @Override
            public void shutdown() {
                resumeIfPaused(this);
                super.shutdown();
            }
        };
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(10_000);
        executor.setThreadNamePrefix("events-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }

    private static ThreadPoolTaskScheduler scheduler(String prefix, int threads) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler() {
            @Override
            public void shutdown() {
                resumeIfPaused(this);
                super.shutdown();
            }
        };
        scheduler.setPoolSize(threads);
        scheduler.setThreadNamePrefix(prefix);
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(10);
        return scheduler;
    }

    /**
     * A paused executor (the context was stopped, as the test framework does to a cached context
     * it is not using) parks a worker that took a due task until it is resumed, and shutdown() then
     * waits the whole await-termination time for it: 10 s per executor, 50 s per context, at every
     * close. Resumed first, the worker runs that one task and the executor ends at once.
     */
    private static void resumeIfPaused(
            org.springframework.scheduling.concurrent.ExecutorConfigurationSupport executor) {
        if (!executor.isRunning()) {
            executor.start();
        }
    }
}
