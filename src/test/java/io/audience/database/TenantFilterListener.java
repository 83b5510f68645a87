package io.audience.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Fails every statement of the service's code that reads or writes a tenant table without naming
 * its account ({@link TenantFilter}), unless {@link #CROSS_TENANT} names the method and why it
 * must see every account. Installed in every integration test's service, so a new query without
 * {@code account_id} fails the tests that run it. Statements of the tests themselves are not checked.
 * With {@code -Daudience.test.tenant-filter=report} it only appends them to
 * {@code target/tenant-filter-report.txt} (to survey a change).
 */
final class TenantFilterListener implements ExecuteListener {

    /**
     * The methods whose statements see every account, and why; on Citus each is a query to
     * every shard. Background work that looks for what is due, and lookups by a public id.
     */
    static final Map<String, String> CROSS_TENANT = Map.ofEntries(
            // Claims of due work, from every account (docs/scaling.md: per account on Citus).
            Map.entry("ActivityRepository.claim", "the activity worker takes the oldest due activity of any account"),
            Map.entry("OutboxRepository.claimNext", "the mail worker takes the next due mail of any account"),
            Map.entry(
                    "DeliveryRepository.claim",
                    "the webhook dispatcher takes due deliveries of every account, in turns"),
            Map.entry(
                    "BatchRepository.accountsWaiting",
                    "the webhook expander finds the accounts with import rows to tell"),
            // Retention: what has expired, in every account.
            Map.entry("RowOutcomeRepository.purgeStaged", "staged import rows of every account's ended imports"),
            Map.entry("ActivityRowRepository.purgeRowsOfActivitiesEndedBefore", "activity reports past retention"),
            Map.entry("OutboxRepository.purgeFinishedBefore", "sent and failed mail past retention"),
            Map.entry("DeliveryRepository.purgeCompletedBefore", "webhook deliveries past retention"),
            Map.entry("IdempotencyRepository.forgetOlderThan", "Idempotency-Key replays past their day"),
            Map.entry("ThrottleRepository.purgeBefore", "confirmation throttle rows of past days"),
            // Lookups by an id in a public URL or a return path, which names no account.
            Map.entry("SignUpFormRepository.byId", "the hosted form page and its posts, /forms/{form_id}"),
            Map.entry("FeedbackEndpointRepository.find", "a provider posts to /feedback/{endpoint_id}"),
            Map.entry("ConfirmationRepository.addressOfUnsubscribeToken", "the unsubscribe link, /unsubscribe/{token}"),
            Map.entry("OutboxRepository.recipient", "a bounce names its mail by the id in the signed return path"),
            // The installation's operator and metrics.
            Map.entry("OutboxRepository.recent", "the operator's view of recent mail of every account"),
            Map.entry("DeliveryRepository.backlog", "the webhook backlog gauge of the whole installation"),
            Map.entry("OutboxRepository.pendingCount", "the mail backlog gauge of the whole installation"),
            Map.entry("ActivityViewRepository.countByState", "the gauge of activities by state, installation-wide"));

    private static final boolean REPORT_ONLY = "report".equals(System.getProperty("audience.test.tenant-filter"));
    private static final Path REPORT = Path.of("target", "tenant-filter-report.txt");

    @Override
    public void executeStart(ExecuteContext ctx) {
        String sql = ctx.sql();
        if (sql == null) {
            return;
        }
        List<String> missing = TenantFilter.unfiltered(sql);
        if (missing.isEmpty()) {
            return;
        }
        Optional<String> caller = serviceCaller();
        if (caller.isEmpty() || CROSS_TENANT.containsKey(caller.get())) {
            return;
        }
        String problem = caller.get() + " reads or writes " + missing + " without its account_id: "
                + TenantFilter.normalise(sql);
        if (REPORT_ONLY) {
            report(problem);
            return;
        }
        throw new AssertionError("A tenant statement without account_id (add the account, or list the method in"
                + " TenantFilterListener.CROSS_TENANT with why): " + problem);
    }

    /** The service's method that runs the statement; empty when a test runs it. */
    private static Optional<String> serviceCaller() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(f -> f.getClassName().startsWith("io.audience.")
                                && !f.getClassName().startsWith("io.audience.db.")
                                && !f.getClassName().startsWith("io.audience.database.TenantFilter"))
                        .findFirst())
                .filter(f -> !isTestCode(f.getDeclaringClass()))
                .map(f -> simpleName(f.getClassName()) + "." + methodName(f.getMethodName()));
    }

    private static boolean isTestCode(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation().toString().contains("test-classes");
    }

    /** A lambda's method is named after the method that holds it ({@code lambda$purge$3}: purge). */
    private static String methodName(String method) {
        return method.startsWith("lambda$") ? method.split("\\$")[1] : method;
    }

    private static String simpleName(String className) {
        String name = className.substring(className.lastIndexOf('.') + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    private static synchronized void report(String problem) {
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(
                    REPORT,
                    problem + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
