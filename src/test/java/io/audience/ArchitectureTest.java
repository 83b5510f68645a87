package io.audience;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** The package rules of STYLE.md, checked on every build. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.audience");

    private static final Set<String> DATE_TIMES = Set.of(
            Instant.class.getName(),
            OffsetDateTime.class.getName(),
            LocalDate.class.getName(),
            LocalDateTime.class.getName(),
            ZonedDateTime.class.getName(),
            LocalTime.class.getName());

    private static final DescribedPredicate<JavaMethodCall> READS_THE_SYSTEM_CLOCK = DescribedPredicate.describe(
            "read the system clock (now() without the injected Clock, System.currentTimeMillis(), Clock.system...())",
            call -> {
                String owner = call.getTargetOwner().getName();
                String name = call.getTarget().getName();
                if (DATE_TIMES.contains(owner) && name.equals("now")) {
                    return call.getTarget().getRawParameterTypes().stream()
                            .noneMatch(type -> type.isEquivalentTo(Clock.class));
                }
                return (owner.equals(System.class.getName()) && name.equals("currentTimeMillis"))
                        || (owner.equals(Clock.class.getName()) && name.startsWith("system"));
            });

    @Test
    void jooqIsUsedOnlyInsideRepositories() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.audience.db..", "io.audience.database..")
                .and()
                .areNotAnnotatedWith(Repository.class)
                .and()
                .doNotHaveSimpleName("ContactFilters")
                .and()
                .doNotHaveSimpleName("ConsentRecords")
                .and()
                .doNotHaveSimpleName("Ids")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "io.audience.db..")
                .check(MAIN);
    }

    @Test
    void repositoriesAreNamedAsSuch() {
        classes()
                .that()
                .areAnnotatedWith(Repository.class)
                .should()
                .haveSimpleNameEndingWith("Repository")
                .orShould()
                .haveSimpleNameEndingWith("InBulk")
                .because("a newcomer finds the SQL by the name; *InBulk are the set-based writes owners offer imports")
                .check(MAIN);
    }

    @Test
    void httpCodeStaysInWebPackagesAndNothingDependsOnIt() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .resideInAPackage("..web..")
                .check(MAIN);
        noClasses()
                .that()
                .resideOutsideOfPackage("io.audience..web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.audience..web..")
                .check(MAIN);
    }

    @Test
    void transactionsAreOpenedByApplicationServicesNotControllers() {
        noMethods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(RestController.class)
                .should()
                .beAnnotatedWith(Transactional.class)
                .check(MAIN);
        noClasses()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .beAnnotatedWith(Transactional.class)
                .check(MAIN);
    }

    /**
     * Time is read from the injected {@link Clock} ({@code now(clock)}, {@code clock.instant()}), so a
     * test can move it: {@code now()} and {@code now(zone)} read the system clock behind its back.
     * Only the clock's own configuration makes a system clock. Durations measured with
     * {@code System.nanoTime()} are not the time of day and stay allowed.
     */
    @Test
    void timeIsReadFromTheInjectedClock() {
        noClasses()
                .that()
                .doNotHaveSimpleName("ClockConfiguration")
                .should()
                .callMethodWhere(READS_THE_SYSTEM_CLOCK)
                .check(MAIN);
    }
}
