package it.cabina.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package graph of every module has no cycle (each package a slice: it.cabina.etl.sources and
 * it.cabina.etl.sources.afam are two), and the layers keep their direction: the context of a run depends on no stage,
 * nothing depends on the pipeline but the command line and the publication stages, the portal never reaches Spark's
 * side of the house.
 */
class PackageCyclesTest {
    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("it.cabina");

    @Test
    void noPackageCycles() {
        slices().matching("it.cabina.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theContextOfARunDependsOnNoStage() {
        noClasses().that().resideInAPackage("it.cabina.etl.context..")
                .should().dependOnClassesThat().resideInAnyPackage("it.cabina.etl.pipeline..", "it.cabina.etl.landing..",
                        "it.cabina.etl.sources..", "it.cabina.etl.model..", "it.cabina.etl.indicators..", "it.cabina.etl.aggregates..",
                        "it.cabina.etl.export..", "it.cabina.etl.ops..", "it.cabina.etl.quality..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLineAndThePublicationStagesReachThePipeline() {
        noClasses().that().resideOutsideOfPackages("it.cabina.etl.pipeline..", "it.cabina.cli..", "it.cabina.reports.publish..")
                .should().dependOnClassesThat().resideInAPackage("it.cabina.etl.pipeline..").check(CLASSES);
    }

    @Test
    void theGeneratorIsNotPartOfThePipelineAndThePortalNeverReachesSpark() {
        noClasses().that().resideInAPackage("it.cabina.etl..").should().dependOnClassesThat().resideInAPackage("it.cabina.generator..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("it.cabina.portal..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "it.cabina.etl..", "it.cabina.reports..")
                .check(CLASSES);
    }
}
