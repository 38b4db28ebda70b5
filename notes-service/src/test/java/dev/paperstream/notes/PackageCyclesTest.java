package dev.paperstream.notes;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class PackageCyclesTest {

    @Test
    void thePackagesOfNotesDependOnEachOtherWithoutCycles() {
        JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.paperstream.notes");
        slices().matching("dev.paperstream.notes.(*)..").should().beFreeOfCycles().check(classes);
    }
}
