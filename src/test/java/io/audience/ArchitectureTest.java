package io.audience;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** The package rules of STYLE.md, checked on every build. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.audience");

    @Test
    void jooqIsUsedOnlyInsideRepositories() {
        noClasses().that().resideOutsideOfPackages("io.audience.db..", "io.audience.database..")
                .and().areNotAnnotatedWith(Repository.class)
                .and().doNotHaveSimpleName("ContactFilters")
                .and().doNotHaveSimpleName("ConsentRecords")
                .and().doNotHaveSimpleName("Ids")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "io.audience.db..")
                .check(MAIN);
    }

    @Test
    void httpCodeStaysInWebPackagesAndNothingDependsOnIt() {
        classes().that().areAnnotatedWith(RestController.class).should().resideInAPackage("..web..").check(MAIN);
        noClasses().that().resideOutsideOfPackage("io.audience..web..")
                .should().dependOnClassesThat().resideInAPackage("io.audience..web..")
                .check(MAIN);
    }

    @Test
    void transactionsAreOpenedByApplicationServicesNotControllers() {
        noMethods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .should().beAnnotatedWith(Transactional.class)
                .check(MAIN);
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().beAnnotatedWith(Transactional.class)
                .check(MAIN);
    }
}
