package dev.paperstream.ingest;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The service's packages depend on each other in one direction only: api and messaging at the edges, the
 * domain packages in between, store underneath.
 */
class PackageCyclesTest {

    @Test
    void thePackagesOfTheServiceHaveNoCycles() {
        JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.paperstream.ingest");

        slices().matching("dev.paperstream.ingest.(*)..").should().beFreeOfCycles().check(classes);
    }
}
