package io.writeback.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check of requests against the REST API Developer Guide's examples finds what differs from them. */
class SalesforceDocsTest {

    private static final String COLLECTIONS = "/services/data/v64.0/composite/sobjects";

    @Test
    void theGuidesOwnExampleFits() {
        assertThat(SalesforceDocs.problems("POST", COLLECTIONS, """
                {"allOrNone": false, "records": [{"attributes": {"type": "Account"}, "Name": "example.com"}]}""")).isEmpty();
        assertThat(SalesforceDocs.problems("DELETE", COLLECTIONS + "?ids=001xx000003DGb2AAG,003xx000004TmiQAAS&allOrNone=false",
                null)).isEmpty();
    }

    @Test
    void recordsWithoutTheirTypeOrAnEnvelopeUnlikeTheExampleAreFound() {
        assertThat(SalesforceDocs.problems("POST", COLLECTIONS, """
                {"allOrNone": "false", "records": [{"Name": "example.com"}], "batch": 1}""")).containsExactly(
                "POST " + COLLECTIONS + ": allOrNone should be a BOOLEAN as in the guide",
                "POST " + COLLECTIONS + ": the guide's example has no field batch",
                "POST " + COLLECTIONS + ": a record's attributes should be {\"type\": ...} as in the guide, not ");
        assertThat(SalesforceDocs.problems("PATCH", COLLECTIONS + "/Contact/External_Id__c", """
                {"allOrNone": false, "records": [{"attributes": {"type": "Contact"}, "LastName": "Lovelace"}]}""")).containsExactly(
                "PATCH " + COLLECTIONS + "/Contact/External_Id__c: a record lacks the external id field External_Id__c");
    }

    @Test
    void requestsTheGuideDoesNotShowAreFound() {
        assertThat(SalesforceDocs.problems("POST", "/services/data/v64.0/composite/batch", "{}")).containsExactly(
                "POST /services/data/v64.0/composite/batch is no request the REST API Developer Guide shows");
        assertThat(SalesforceDocs.problems("DELETE", COLLECTIONS + "?ids=001", null)).hasSize(1);
        assertThat(SalesforceDocs.problems("GET", "/services/data/v64.0/query?q=DELETE", null)).hasSize(1);
    }
}
