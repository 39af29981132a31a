package org.marquee.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** shared-model depends on nothing of ours and on no library but Jackson's annotations. */
@AnalyzeClasses(packages = "org.marquee.model", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyTest {

    @ArchTest
    static final ArchRule onlyTheJdkAndJacksonAnnotations = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.marquee.model..", "com.fasterxml.jackson.annotation..");
}
