package org.rareearth.scenario.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rareearth.shared.auth.Roles;
import org.rareearth.scenario.core.Catalogue;
import org.rareearth.scenario.core.NoTradeDataException;
import org.rareearth.scenario.persistence.CatalogueStore;

/** What scenarios that pin no data set are validated against: the current data-set version. */
@Path("/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
public class CatalogueResource {

    @Inject
    CatalogueStore catalogue;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR})
    @Operation(summary = "Current data-set version (dataset.current): its years, products and the countries seen in its flows")
    @APIResponse(responseCode = "404", description = "no trade data ingested yet")
    public Catalogue latest() {
        return catalogue.current().orElseThrow(NoTradeDataException::new);
    }
}
