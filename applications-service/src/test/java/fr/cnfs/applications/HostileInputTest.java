package fr.cnfs.applications;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fr.cnfs.testkit.AccessMatrix;
import fr.cnfs.testkit.HostileInput;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Invalid requests generated from the OpenAPI document: each gets a 4xx problem, none a 5xx, and nothing changes. */
@QuarkusTest
class HostileInputTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyInvalidRequestIsRefusedWithAProblemAndChangesNothing() {
        HostileInput.assertHarmless(AccessMatrixTest.SERVICE, new AccessMatrix(AccessMatrixTest.SERVICE,
                AccessMatrixTest.rows()), dataSource);
    }
}
