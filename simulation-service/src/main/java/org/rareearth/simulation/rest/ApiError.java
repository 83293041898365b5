package org.rareearth.simulation.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON body of a 4xx answer: what is wrong and where. */
public record ApiError(String error) {

    static Response response(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(message)).build();
    }
}
