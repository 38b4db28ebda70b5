package dev.paperstream.priority;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class PackageCyclesTest {

    @Test
    void thePackagesOfPriorityDependOnEachOtherWithoutCycles() {
        JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.paperstream.priority");
        slices().matching("dev.paperstream.priority.(*)..").should().beFreeOfCycles().check(classes);
    }
}
