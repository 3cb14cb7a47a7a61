package io.sentral.app;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of ARCHITECTURE.md: routing decides and sip-stack executes, they meet only
 * in core; only sip-stack speaks JAIN-SIP, only storage speaks JDBC, only sip-stack and api Netty.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importSentral() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.sentral");
    }

    /** Rules over an empty import would pass whatever the code does: every module must be seen. */
    @Test
    void theRulesSeeEveryModule() {
        assertThat(classes.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .contains("core", "config", "routing", "sip", "storage", "api", "app");
    }

    @Test
    void coreAndRoutingAreFreeOfSipNettyAndJdbc() {
        noClasses().that().resideInAnyPackage("io.sentral.core..", "io.sentral.routing..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.sip..", "gov.nist..", "io.netty..",
                        "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void routingAndSipStackNeverDependOnEachOther() {
        noClasses().that().resideInAPackage("io.sentral.routing..")
                .should().dependOnClassesThat().resideInAPackage("io.sentral.sip..").check(classes);
        noClasses().that().resideInAPackage("io.sentral.sip..")
                .should().dependOnClassesThat().resideInAPackage("io.sentral.routing..").check(classes);
    }

    @Test
    void onlySipStackSpeaksJainSip() {
        noClasses().that().resideOutsideOfPackage("io.sentral.sip..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.sip..", "gov.nist..").check(classes);
    }

    @Test
    void onlyStorageSpeaksJdbc() {
        noClasses().that().resideOutsideOfPackage("io.sentral.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..").check(classes);
    }

    @Test
    void onlySipStackAndApiSpeakNetty() {
        noClasses().that().resideOutsideOfPackages("io.sentral.sip..", "io.sentral.api..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..").check(classes);
    }

    @Test
    void coreDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.sentral.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.sentral.config..", "io.sentral.routing..",
                        "io.sentral.sip..", "io.sentral.storage..", "io.sentral.api..", "io.sentral.app..")
                .check(classes);
    }
}
