package com.thewans.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;

class ServiceBoundariesTest {

    private static List<String> violationsOf(String root) {
        return ServiceBoundaries.violations(new ClassFileImporter().importPackages(root), root);
    }

    @Test
    void featuresThatDependOnEachOtherOneWayOnCommonOnlyPass() {
        assertThat(violationsOf("com.thewans.boundaryfixture.tidy")).isEmpty();
    }

    @Test
    void aCycleBetweenFeaturesIsNamed() {
        assertThat(String.join("\n", violationsOf("com.thewans.boundaryfixture.tangled")))
                .contains("Cycle detected").contains("feature 'film'").contains("feature 'genre'");
    }

    @Test
    void reachingIntoAnotherFeaturesSubPackageIsNamed() {
        assertThat(violationsOf("com.thewans.boundaryfixture.tangled"))
                .anySatisfy(v -> assertThat(v).contains("GenreRow").contains("inside feature 'genre'"));
    }

    @Test
    void dependingOnAnotherServicesCodeIsNamed() {
        assertThat(violationsOf("com.thewans.boundaryfixture.tangled"))
                .anySatisfy(v -> assertThat(v).contains("com.thewans.otherservice.Payment")
                        .contains("another service's code"));
    }
}
