package org.marquee.server.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The server's layers as packages (docs/ARCHITECTURE.md, "Sync server"), top to bottom:
 *
 * <pre>
 * wiring   org.marquee.server (MarqueeServer, ServerMain)
 * api      org.marquee.server.api: routes, the Javalin server, its filters and error mapper
 * handlers org.marquee.server.&lt;feature&gt;.http
 * web      org.marquee.server.web: what handlers share (Requests, Json, IdempotentRequests, ErrorStatus)
 * domain   org.marquee.server.&lt;feature&gt;: services, records, ports
 * persistence org.marquee.server.&lt;feature&gt;.persistence: Jdbi
 * db       org.marquee.server.db: the pool, transactions, the unit of work
 * </pre>
 *
 * Arrows only go down, and the feature packages do not import each other in a circle.
 */
@AnalyzeClasses(packages = "org.marquee.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

    private static final String ROOT = "org.marquee.server";

    /** A feature's own package: one level below the root, and neither the API, the web helpers nor the database. */
    private static final DescribedPredicate<JavaClass> DOMAIN = resideInAPackage(ROOT + ".*")
            .and(not(resideInAnyPackage(ROOT + ".api", ROOT + ".web", ROOT + ".db")))
            .as("a feature's domain package");

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Wiring")
            .definedBy(ROOT)
            .layer("Api")
            .definedBy(ROOT + ".api..")
            .layer("Handlers")
            .definedBy(ROOT + ".*.http..")
            .layer("Web")
            .definedBy(ROOT + ".web..")
            .layer("Domain")
            .definedBy(DOMAIN)
            .layer("Persistence")
            .definedBy(ROOT + ".*.persistence..")
            .layer("Db")
            .definedBy(ROOT + ".db..")
            .whereLayer("Wiring")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Api")
            .mayOnlyBeAccessedByLayers("Wiring")
            .whereLayer("Handlers")
            .mayOnlyBeAccessedByLayers("Api", "Wiring")
            .whereLayer("Web")
            .mayOnlyBeAccessedByLayers("Api", "Handlers", "Wiring")
            .whereLayer("Domain")
            .mayOnlyBeAccessedByLayers("Api", "Handlers", "Web", "Persistence", "Wiring")
            .whereLayer("Persistence")
            .mayOnlyBeAccessedByLayers("Domain", "Persistence", "Wiring")
            // the unit of work and the failure classification are used from above; db itself reaches nothing above
            .whereLayer("Db")
            .mayOnlyBeAccessedByLayers("Api", "Handlers", "Web", "Domain", "Persistence", "Wiring")
            .whereLayer("Db")
            .mayNotAccessAnyLayer();

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
}
