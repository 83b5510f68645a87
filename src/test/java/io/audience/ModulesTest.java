package io.audience;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The application modules and their allowed dependencies, checked on every build and drawn for newcomers. */
class ModulesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(
            AudienceApplication.class, resideInAPackage("io.audience.db.."));

    @Test
    void everyModuleUsesOnlyTheApiOfTheModulesItDependsOnAndThereAreNoCycles() {
        MODULES.verify();
    }

    @Test
    void theModuleDocumentationIsWrittenToDocsModules() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
    }
}
