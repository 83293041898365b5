package org.rareearth.simulation.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LuDecompositionTest {

    @Test
    void solvesARandomSystem() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 30;
        double[][] a = new double[n][n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() - 0.5;
            for (int j = 0; j < n; j++) {
                a[i][j] = random.nextDouble() - 0.5;
            }
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i] += a[i][j] * x[j];
            }
        }

        double[] solved = LuDecomposition.of(a).solve(b);

        for (int i = 0; i < n; i++) {
            assertThat(solved[i]).isCloseTo(x[i], within(1e-10));
        }
    }

    @Test
    void pivotsWhenTheLeadingEntryIsZero() {
        // [0 1; 2 3] x = [1; 8]  =>  x = [2.5, 1]; without row exchange the first pivot is 0
        double[][] a = {{0, 1}, {2, 3}};

        LuDecomposition lu = LuDecomposition.of(a);

        assertThat(lu.isSingular()).isFalse();
        assertThat(lu.solve(new double[] {1, 8})).containsExactly(2.5, 1.0);
        assertThat(a[0]).containsExactly(0, 1);    // of() leaves the input alone
    }

    @Test
    void reportsASingularMatrix() {
        LuDecomposition lu = LuDecomposition.of(new double[][] {{1, 2}, {2, 4}});

        assertThat(lu.isSingular()).isTrue();
        assertThatThrownBy(() -> lu.solve(new double[] {1, 2})).isInstanceOf(ArithmeticException.class);
    }
}
