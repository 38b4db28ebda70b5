package dev.paperstream.kernel;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The service's packages (api, messaging, jobs, bench, cpu, cuda, cli, store) depend on each other in one direction. */
class PackageCyclesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.paperstream.kernel");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.paperstream.kernel.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
