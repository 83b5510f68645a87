package io.audience;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The application modules and their allowed dependencies, checked on every build and drawn for newcomers. */
class ModulesTest {

    private static final ApplicationModules MODULES =
            ApplicationModules.of(AudienceApplication.class, resideInAPackage("io.audience.db.."));

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

    /** docs/modules/README.md: the modules and their dependencies in a form GitHub draws (Mermaid). */
    @Test
    void theModuleMapIsWrittenAsMarkdown() throws IOException {
        List<ApplicationModule> modules =
                MODULES.stream().sorted(Comparator.comparing(ModulesTest::name)).toList();
        StringBuilder md = new StringBuilder("""
                # Modules

                Written by `ModulesTest` from the code on every build (do not edit). One application module
                per capability (Spring Modulith); a module uses only the public types of the modules it
                depends on, and there are no cycles. `*.puml` and `*.adoc` beside this file are the
                Documenter's diagrams and module canvases (PlantUML, AsciiDoc).

                ```mermaid
                graph TD
                """);
        for (ApplicationModule module : modules) {
            module.getDirectDependencies(MODULES)
                    .uniqueModules()
                    .map(ModulesTest::name)
                    .sorted()
                    .forEach(target -> md.append("  ")
                            .append(id(name(module)))
                            .append(" --> ")
                            .append(id(target))
                            .append('\n'));
        }
        md.append("```\n\n| module | package | depends on |\n|---|---|---|\n");
        for (ApplicationModule module : modules) {
            String dependsOn = module.getDirectDependencies(MODULES)
                    .uniqueModules()
                    .map(ModulesTest::name)
                    .sorted()
                    .collect(Collectors.joining(", "));
            md.append("| ")
                    .append(name(module))
                    .append(" | `")
                    .append(module.getBasePackage().getName())
                    .append("` | ")
                    .append(dependsOn)
                    .append(" |\n");
        }
        Path file = Path.of("docs", "modules", "README.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString());
        assertThat(file).content().contains("contact_imports[contact.imports] --> contact[contact]");
    }

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }

    private static String id(String module) {
        return module.replace('.', '_') + "[" + module + "]";
    }
}
