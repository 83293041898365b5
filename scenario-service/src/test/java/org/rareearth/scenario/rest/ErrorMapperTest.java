package org.rareearth.scenario.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.rareearth.kit.http.Problem;
import org.rareearth.scenario.core.NoTradeDataException;

/**
 * Before the first data-set version arrives a scenario cannot be validated. The @QuarkusTests share
 * one broker whose catalogue is filled by the first test, so this case is checked on the mapper.
 */
class ErrorMapperTest {

    private static Request method(String name) {
        return (Request) Proxy.newProxyInstance(Request.class.getClassLoader(), new Class<?>[] {Request.class},
                (proxy, m, args) -> "getMethod".equals(m.getName()) ? name : null);
    }

    @Test
    void withoutTradeDataAPostIsAConflictAndTheCatalogueIsNotFound() {
        ErrorMapper mapper = new ErrorMapper();
        Response post = mapper.noData(new NoTradeDataException(), method("POST"));
        assertThat(post.getStatus()).isEqualTo(409);
        Problem problem = (Problem) post.getEntity();
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.detail()).startsWith("no trade data ingested yet");
        assertThat(mapper.noData(new NoTradeDataException(), method("GET")).getStatus()).isEqualTo(404);
    }
}
