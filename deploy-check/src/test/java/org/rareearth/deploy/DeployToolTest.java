package org.rareearth.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing tool fails the build under CI=true (the checks must run there) and only skips elsewhere. */
class DeployToolTest {

    private final Repository repository = Repository.fromBuild();

    @Test
    void aMissingToolFailsUnderCi() {
        assertThatThrownBy(() -> DeployTool.KUBECTL.require(repository, Optional.empty(), true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("kubectl not found")
                .hasMessageContaining(".ci/tools/bin/kubectl")
                .hasMessageContaining(".ci/install-deploy-tools");
    }

    @Test
    void aMissingToolSkipsOutsideCi() {
        assertThatThrownBy(() -> DeployTool.YAMLLINT.require(repository, Optional.empty(), false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("yamllint not found");
    }

    @Test
    void anOverrideThatPointsNowhereFindsNoKubectl() {
        String previous = System.getProperty("rareearth.kubectl");
        System.setProperty("rareearth.kubectl", repository.resolve("no/such/kubectl").toString());
        try {
            assertThat(DeployTool.KUBECTL.locate(repository)).isEmpty();
        } finally {
            if (previous == null) {
                System.clearProperty("rareearth.kubectl");
            } else {
                System.setProperty("rareearth.kubectl", previous);
            }
        }
    }
}
