package org.rareearth.scenario;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.auth.Roles;
import org.rareearth.stack.LocalStackResource;

/**
 * One client cannot starve the others (issue 10): with an allowance of {@value #BURST} expensive
 * calls, {@value #BURST}+1 concurrent POST /scenarios of one client (one token subject) give exactly
 * one 429 with Retry-After and a problem body, while a call of another client still gets through.
 */
@QuarkusTest
@TestProfile(ExpensiveCallsTest.SmallAllowance.class)
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ExpensiveCallsTest {

    static final int BURST = 4;
    private static final int TIMEOUT_MS = 30_000;

    public static class SmallAllowance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // one call a minute after the burst: nothing is regained while the test runs
            return Map.of("rareearth.limits.client-burst", String.valueOf(BURST), "rareearth.limits.client-per-minute", "1");
        }
    }

    @TestHTTPResource("/scenarios")
    URL scenarios;

    @Test
    void theCallOverTheAllowanceIsRefusedWithRetryAfterWhileAnotherClientIsServed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BURST + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i <= BURST; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post("analyst-a");
                }));
            }
            start.countDown();
            List<String> all = new ArrayList<>();
            for (Future<String> f : answers) {
                all.add(f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
            }
            List<String> refused = all.stream().filter(a -> a.startsWith("HTTP/1.1 429")).toList();
            assertThat(refused).as(String.join("\n----\n", all)).hasSize(1);
            assertThat(refused.get(0)).containsIgnoringCase("Retry-After: ").contains("\"status\":429")
                    .contains("rareearth.limits.client-burst");
            assertThat(all.stream().filter(a -> a.startsWith("HTTP/1.1 400"))).hasSize(BURST);
        } finally {
            pool.shutdownNow();
        }
        // another client (another token subject): its own allowance
        assertThat(post("analyst-b")).startsWith("HTTP/1.1 400");
        // and reads are never limited
        given().get("/scenarios").then().statusCode(200);
    }

    /** A POST /scenarios with a malformed body (cheap: refused after admission) by analyst {@code subject}; the raw answer. */
    private String post(String subject) throws IOException {
        byte[] body = "{\"name\": ".getBytes(StandardCharsets.UTF_8);
        String token = LocalStackResource.tokens().token(subject, LocalStackResource.TEST_TEAM, List.of(Roles.ANALYST));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", scenarios.getPort()), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /scenarios HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
