package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table has one owner module, and only the owner's code writes it: no other module names
 * the table's generated jOOQ class, and no SQL text outside the owner inserts into, updates or
 * deletes from it. A module may read another's table only where {@link #READS} says so and why.
 */
class TableOwnershipTest {

    /** The owner of every table of the schema (the Flyway migrations). */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("account", "account"),
            Map.entry("account_settings", "account"),
            Map.entry("api_token", "auth"),
            Map.entry("account_user", "auth"),
            Map.entry("oauth_client", "auth"),
            Map.entry("oauth2_authorization", "auth"),
            Map.entry("oauth2_authorization_consent", "auth"),
            Map.entry("oauth2_registered_client", "auth"),
            Map.entry("oauth_revoked_access_token", "auth"),
            Map.entry("oauth_signing_key", "auth"),
            Map.entry("oauth_used_refresh_token", "auth"),
            Map.entry("activity", "activity"),
            Map.entry("activity_item", "activity"),
            Map.entry("confirmation", "confirmation"),
            Map.entry("unsubscribe_link", "confirmation"),
            Map.entry("mail_template", "confirmation"),
            Map.entry("email_consent", "consent"),
            Map.entry("feedback_event", "feedback"),
            Map.entry("feedback_endpoint", "feedback"),
            Map.entry("consent_event", "consent"),
            Map.entry("consent_text", "consent"),
            Map.entry("list_opt_out", "consent"),
            Map.entry("suppression", "consent"),
            Map.entry("contact", "contact"),
            Map.entry("phone_number", "contact"),
            Map.entry("street_address", "contact"),
            Map.entry("note", "contact"),
            Map.entry("webhook", "webhook"),
            Map.entry("webhook_event", "webhook"),
            Map.entry("webhook_delivery", "webhook"),
            Map.entry("webhook_batch", "webhook"),
            Map.entry("sign_up_form", "form"),
            Map.entry("sign_up_form_field", "form"),
            Map.entry("sign_up_form_version", "form"),
            Map.entry("form_challenge_spent", "form"),
            Map.entry("custom_field", "customfield"),
            Map.entry("custom_field_choice", "customfield"),
            Map.entry("contact_custom_field", "customfield"),
            Map.entry("idempotency_key", "idempotency"),
            Map.entry("installation_secret", "identity"),
            Map.entry("contact_list", "list"),
            Map.entry("list_membership", "list"),
            Map.entry("outbox_mail", "mail"),
            Map.entry("confirmation_throttle", "mail"),
            Map.entry("confirmation_account_day", "mail"),
            Map.entry("account_email", "sender"),
            Map.entry("contact_tag", "tag"),
            Map.entry("tagging", "tag"),
            Map.entry("import_row", "contact.imports"),
            Map.entry("suppression_row", "feedback"),
            // Written by Spring Modulith's event publication registry only.
            Map.entry("event_publication", "(spring modulith)"));

    /**
     * Reads of another module's table, each a join inside one statement on a hot path (a contact is
     * shown with its address's consent; filters by list and tag; list counts by consent state).
     */
    static final Map<String, Set<String>> READS = Map.of(
            "contact", Set.of("email_consent", "list_membership", "tagging"),
            "contact.export", Set.of("contact", "email_consent"),
            "list", Set.of("contact", "email_consent"));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.audience");

    private static final Pattern WRITE = Pattern.compile(
            "\\b(insert\\s+into|update|delete\\s+from|merge\\s+into|truncate(?:\\s+table)?)\\s+([a-z_][a-z0-9_]*)\\b");

    @Test
    void everyTableOfTheSchemaHasAnOwner() {
        Set<String> tables = MAIN.stream()
                .filter(c -> c.getPackageName().equals("io.audience.db.tables")
                        && c.getEnclosingClass().isEmpty())
                .map(c -> snake(c.getSimpleName()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(tables).isNotEmpty();
        assertThat(OWNERS.keySet()).containsAll(tables);
    }

    @Test
    void aTablesGeneratedClassIsUsedOnlyByItsOwnerOrByAReaderAllowedAbove() {
        Set<String> violations = new TreeSet<>();
        for (JavaClass type : MAIN) {
            String module = module(type.getPackageName());
            if (module == null) {
                continue;
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String table = table(dependency.getTargetClass());
                if (table != null && !mayUse(module, table)) {
                    violations.add(module + " uses " + table + " (owner " + OWNERS.get(table) + "): "
                            + dependency.getDescription());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void noSqlTextOutsideATablesOwnerWritesIt() throws IOException {
        List<String> violations = new ArrayList<>();
        Path root = Path.of("src/main/java/io/audience");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module =
                        module(root.relativize(file.getParent()).toString().replace('/', '.'));
                if (module == null) {
                    continue;
                }
                List<String> lines = read(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                        continue;
                    }
                    Matcher write = WRITE.matcher(line.toLowerCase(Locale.ROOT));
                    while (write.find()) {
                        String owner = OWNERS.get(write.group(2));
                        if (owner != null && !owner.equals(module)) {
                            violations.add(file + ":" + (i + 1) + " " + module + " writes " + write.group(2)
                                    + " (owner " + owner + ")");
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static boolean mayUse(String module, String table) {
        return module.equals(OWNERS.get(table))
                || READS.getOrDefault(module, Set.of()).contains(table);
    }

    /** The table a generated class stands for (its table class or its record), or null. */
    private static String table(JavaClass target) {
        JavaClass outer = target;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        String name = outer.getSimpleName();
        if (target.getPackageName().equals("io.audience.db.tables")) {
            return snake(name);
        }
        if (target.getPackageName().equals("io.audience.db.tables.records") && name.endsWith("Record")) {
            return snake(name.substring(0, name.length() - "Record".length()));
        }
        return null;
    }

    /** The application module of a package under io.audience: the top package, or a nested module. */
    static String module(String packageName) {
        String relative =
                packageName.startsWith("io.audience.") ? packageName.substring("io.audience.".length()) : packageName;
        if (relative.isEmpty() || relative.startsWith("db") || relative.equals("io.audience")) {
            return null;
        }
        String[] parts = relative.split("\\.");
        if (parts.length > 1
                && parts[0].equals("contact")
                && Set.of("imports", "bulk", "export").contains(parts[1])) {
            return parts[0] + "." + parts[1];
        }
        return parts[0];
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
