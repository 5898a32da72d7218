package io.writeback.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check of requests against a vendor's published OpenAPI document finds what the document does not allow. */
class OpenApiSpecTest {

    @Test
    void aRequestTheDocumentAllowsFits() {
        assertThat(OpenApiSpec.PIPEDRIVE.problems("POST", "/api/v2/persons", """
                {"name": "Ada", "emails": [{"value": "ada@example.com", "primary": true}], "org_id": 7}""")).isEmpty();
        assertThat(OpenApiSpec.PIPEDRIVE.problems("GET", "/api/v2/persons/search?term=ada%40example.com&fields=email&exact_match=true",
                null)).isEmpty();
    }

    @Test
    void wrongTypesParametersAndPathsAreFound() {
        assertThat(OpenApiSpec.PIPEDRIVE.problems("POST", "/api/v2/persons", "{\"name\": \"Ada\", \"org_id\": \"7\"}"))
                .containsExactly("POST /api/v2/persons: /org_id: string found, integer expected");
        assertThat(OpenApiSpec.PIPEDRIVE.problems("GET", "/api/v2/persons/search?term=ada&fields=mail&exact=true", null))
                .containsExactly("GET /api/v2/persons/search: fields=mail is none of "
                        + "[\"custom_fields\",\"email\",\"notes\",\"phone\",\"name\"]",
                        "GET /api/v2/persons/search has no query parameter exact");
        assertThat(OpenApiSpec.PIPEDRIVE.problems("GET", "/api/v2/persons/search?fields=email", null))
                .containsExactly("GET /api/v2/persons/search needs the query parameter term");
        assertThat(OpenApiSpec.PIPEDRIVE.problems("POST", "/api/v2/persons/bulk", "[]"))
                .containsExactly("POST /api/v2/persons/bulk is no operation Pipedrive publishes");
    }

    @Test
    void zendesksExcerptChecksBodiesQueryParametersOfThePathAndNullables() {
        assertThat(OpenApiSpec.ZENDESK.problems("POST", "/api/v2/users/create_or_update_many",
                "{\"users\": [{\"name\": \"Ada\", \"organization_id\": null}]}")).isEmpty();
        assertThat(OpenApiSpec.ZENDESK.problems("POST", "/api/v2/users/create_or_update_many", "{\"user\": {\"name\": \"Ada\"}}"))
                .isNotEmpty();
        assertThat(OpenApiSpec.ZENDESK.problems("DELETE", "/api/v2/organizations/destroy_many?ids=1,2", null)).isEmpty();
        assertThat(OpenApiSpec.ZENDESK.problems("DELETE", "/api/v2/organizations/destroy_many?id=1", null))
                .containsExactly("DELETE /api/v2/organizations/destroy_many has no query parameter id");
    }
}
