package org.marquee.kiosk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The kiosk's layers (docs/ARCHITECTURE.md): the shell ({@code app}: window, screens' wiring, the entry point) above
 * the screen packages, above the seat map's drawing (shared by the seat map and the layout editor) and the shared core (navigation, the sale session, tasks, connectivity, money and showtime
 * texts, styles), above the client, cache, settings and texts. No screen imports another; no JavaFX Node in a
 * view-model, no JavaFX at all in the client, the cache and the settings; never the server's code.
 */
@AnalyzeClasses(packages = "org.marquee.kiosk", importOptions = ImportOption.DoNotIncludeTests.class)
class KioskLayerTest {

    private static final String[] SCREENS = {
        "org.marquee.kiosk.setup..",
        "org.marquee.kiosk.counter..",
        "org.marquee.kiosk.showtimes..",
        "org.marquee.kiosk.seatmap..",
        "org.marquee.kiosk.checkout..",
        "org.marquee.kiosk.done..",
        "org.marquee.kiosk.idle..",
        "org.marquee.kiosk.layouteditor..",
        "org.marquee.kiosk.schedule..",
        "org.marquee.kiosk.admin..",
        "org.marquee.kiosk.admintheaters..",
        "org.marquee.kiosk.adminmovies..",
        "org.marquee.kiosk.adminprices..",
        "org.marquee.kiosk.adminterminals..",
        "org.marquee.kiosk.adminstaff..",
        "org.marquee.kiosk.adminaudit..",
        "org.marquee.kiosk.scanner..",
        "org.marquee.kiosk.pickup..",
        "org.marquee.kiosk.shifts..",
        "org.marquee.kiosk.adminshifts..",
        "org.marquee.kiosk.adminrefunds..",
        "org.marquee.kiosk.adminholds..",
        "org.marquee.kiosk.adminreports.."
    };

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Shell")
            .definedBy("org.marquee.kiosk", "org.marquee.kiosk.app..")
            .layer("Screens")
            .definedBy(SCREENS)
            .layer("Drawing")
            // controls screens share: the seat map's drawing, the on-screen keyboard
            .definedBy("org.marquee.kiosk.seatdrawing..", "org.marquee.kiosk.keyboard..")
            .layer("Core")
            .definedBy("org.marquee.kiosk.core..")
            .layer("Services")
            .definedBy(
                    "org.marquee.kiosk.client..",
                    "org.marquee.kiosk.cache..",
                    "org.marquee.kiosk.settings..",
                    "org.marquee.kiosk.i18n..")
            .whereLayer("Shell")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Screens")
            .mayOnlyBeAccessedByLayers("Shell")
            .whereLayer("Drawing")
            .mayOnlyBeAccessedByLayers("Shell", "Screens")
            .whereLayer("Core")
            .mayOnlyBeAccessedByLayers("Shell", "Screens")
            .whereLayer("Services")
            .mayOnlyBeAccessedByLayers("Shell", "Screens", "Drawing", "Core");

    @ArchTest
    static final ArchRule screensDoNotImportEachOther = slices().matching(
                    "org.marquee.kiosk.(setup|counter|showtimes|seatmap|checkout|done|idle|layouteditor|schedule|admin|"
                            + "admintheaters|adminmovies|adminprices|adminterminals|adminstaff|adminaudit|scanner|"
                            + "pickup|shifts|adminshifts|adminrefunds|adminholds|adminreports)..")
            .should()
            .notDependOnEachOther();

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("org.marquee.kiosk.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule viewModelsTouchNoNodes = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .or()
            .resideInAPackage("org.marquee.kiosk.core..")
            .and()
            .haveSimpleNameNotEndingWith("Styles")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..");

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
                    .and(JavaClass.Predicates.resideInAPackage("org.marquee.kiosk..")));

    @ArchTest
    static final ArchRule viewModelsDependOnPortsNotOnTheHttpClient = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.marquee.kiosk.client.MarqueeClient");

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
