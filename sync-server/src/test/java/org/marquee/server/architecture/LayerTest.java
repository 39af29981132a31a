package org.marquee.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The server's layers (STYLE.md): api (routes, server) and handlers → domain services → persistence (Jdbi). No Javalin type
 * below the handlers, no SQL above persistence, and nothing below reaching back up.
 */
@AnalyzeClasses(packages = "org.marquee.server", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerTest {

    /**
     * Where Javalin may appear: the API (routes, server, filters), the feature handlers, the helpers they share, and
     * the wiring that starts the server.
     */
    private static final String[] WEB = {
        "org.marquee.server.api..", "..http..", "org.marquee.server.web..", "org.marquee.server"
    };

    /** Where Jdbi and JDBC may appear: the stores, the database plumbing, and the wiring. */
    private static final String[] SQL = {"..persistence..", "org.marquee.server.db..", "org.marquee.server"};

    @ArchTest
    static final ArchRule javalinStaysInTheHttpLayer = noClasses()
            .that()
            .resideOutsideOfPackages(WEB)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..");

    @ArchTest
    static final ArchRule sqlStaysInPersistence = noClasses()
            .that()
            .resideOutsideOfPackages(SQL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jdbi..", "com.zaxxer..", "org.flywaydb..", "org.postgresql..");

    @ArchTest
    static final ArchRule domainDoesNotKnowHttp = noClasses()
            .that()
            .resideOutsideOfPackages(WEB)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.marquee.server.api..", "..http..", "org.marquee.server.web..");

    @ArchTest
    static final ArchRule persistenceDoesNotCallServices = noClasses()
            .that()
            .resideInAPackage("..persistence..")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Service")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("org.marquee.server.api..", "..http..", "org.marquee.server.web..");

    @ArchTest
    static final ArchRule namesSayWhatThingsAre = noClasses()
            .should()
            .haveSimpleNameEndingWith("Manager")
            .orShould()
            .haveSimpleNameEndingWith("Helper")
            .orShould()
            .haveSimpleNameEndingWith("Util")
            .orShould()
            .haveSimpleNameEndingWith("Impl");
}
