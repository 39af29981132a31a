package org.marquee.kiosk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The kiosk's layers (STYLE.md): ui (views) → view-models → client and cache. No JavaFX Node below the views, no
 * JavaFX at all in the client and the cache, and never the server's code.
 */
@AnalyzeClasses(packages = "org.marquee.kiosk", importOptions = ImportOption.DoNotIncludeTests.class)
class KioskLayerTest {

    @ArchTest
    static final ArchRule viewModelsTouchNoNodes = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule clientAndCacheKnowNoJavaFx = noClasses()
            .that()
            .resideInAnyPackage("..kiosk.client..", "..kiosk.cache..", "..kiosk.settings..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule viewModelsDoNotReachIntoViews = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            // the kiosk's views only: shared-model's wire records (OrderView, HoldView…) end in "View" too
            .dependOnClassesThat(JavaClass.Predicates.simpleNameEndingWith("View")
                    .and(JavaClass.Predicates.resideInAPackage("org.marquee.kiosk..")))
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule sqlStaysInTheCache = noClasses()
            .that()
            .resideOutsideOfPackages("..kiosk.cache..", "org.marquee.kiosk.app..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jdbi..", "org.h2..", "org.flywaydb..");

    @ArchTest
    static final ArchRule neverTheServersCode =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("org.marquee.server..");
}
