package org.rareearth.stack.auth;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.ArrayList;
import java.util.List;

/**
 * RestAssured's default bearer token in the services' tests (installed by LocalStackResource): a request
 * without an {@code Authorization} header gets one. A test that sets its own header keeps it; one that
 * wants no token at all sends {@code given().noFiltersOfType(DefaultTokenFilter.class)}.
 */
public final class DefaultTokenFilter implements Filter {

    private final String header;

    private DefaultTokenFilter(String token) {
        this.header = "Bearer " + token;
    }

    /** Makes {@code token} the default, replacing an earlier default (called once per test instance). */
    public static void install(String token) {
        List<Filter> filters = new ArrayList<>(RestAssured.filters());
        filters.removeIf(f -> f instanceof DefaultTokenFilter);
        filters.add(new DefaultTokenFilter(token));
        RestAssured.replaceFiltersWith(filters);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", header);
        }
        return context.next(request, response);
    }
}
