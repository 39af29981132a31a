package org.marquee.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * shared-model depends on nothing of ours and on no library but Jackson's annotations. {@code javax.crypto} is the
 * JDK's own (ticket tokens are HMAC-signed with it).
 */
@AnalyzeClasses(packages = "org.marquee.model", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyTest {

    @ArchTest
    static final ArchRule onlyTheJdkAndJacksonAnnotations = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..", "javax.crypto..", "org.marquee.model..", "com.fasterxml.jackson.annotation..");
}
