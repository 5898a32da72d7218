package io.writeback.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import org.junit.jupiter.api.Test;

/**
 * A headless CMS's REST shapes (connection {@code crm_cms}): answers under {@code /data}, a bulk lookup
 * by GET with a filter in the query, bulk creates and PATCH updates on the collection, and a DELETE
 * whose body is the ids.
 */
class RestShapesTest extends CrmDestinationTest {

    private static final String ITEMS = "/crm/v1/items/articles";

    @Test
    void bulkWritesGoAsTheCmsTakesThem() {
        jdbc.execute("CREATE TABLE crm_src.articles (id int, title text); "
                + "INSERT INTO crm_src.articles VALUES (1, 'First'), (2, 'Second'), (3, 'Third')");
        CRM.stubFor(get(urlPathEqualTo(ITEMS)).willReturn(json(200, "{\"data\": [{\"id\": 7, \"title\": \"First\"}]}")));
        CRM.stubFor(post(urlEqualTo(ITEMS)).willReturn(json(200,
                "{\"data\": [{\"id\": 8, \"title\": \"Second\"}, {\"id\": 9, \"title\": \"Third\"}]}")));
        CRM.stubFor(patch(urlEqualTo(ITEMS)).willReturn(json(200, "{\"data\": [{\"id\": 7, \"title\": \"First\"}]}")));
        CRM.stubFor(delete(urlEqualTo(ITEMS)).willReturn(json(204, "")));

        JsonNode run = runs.runAndWait("articles_cms");
        jdbc.update("DELETE FROM crm_src.articles WHERE id = 3");
        JsonNode mirrored = runs.runAndWait("articles_cms");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(2);
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(3);
        CRM.verify(getRequestedFor(urlEqualTo(ITEMS + "?filter%5Btitle%5D%5B_in%5D=First%2CSecond%2CThird")));
        CRM.verify(postRequestedFor(urlEqualTo(ITEMS)).withRequestBody(equalToJson("[{\"title\": \"Second\"}, {\"title\": \"Third\"}]")));
        CRM.verify(patchRequestedFor(urlEqualTo(ITEMS)).withRequestBody(equalToJson("[{\"id\": \"7\", \"title\": \"First\"}]")));
        assertThat(jdbc.queryForList("SELECT target_id FROM writeback.links WHERE sync = 'articles_cms' ORDER BY source_id",
                String.class)).containsExactly("7", "8", "9");
        assertThat(mirrored.at("/counts/deleted").asLong()).isEqualTo(1);
        CRM.verify(deleteRequestedFor(urlEqualTo(ITEMS)).withRequestBody(equalToJson("[\"9\"]")));
        CRM.verify(1, getRequestedFor(urlPathEqualTo(ITEMS)).withQueryParam("filter[title][_in]", equalTo("First,Second,Third")));

        // A relation 'as number' sends the parent's id as the number the CMS gave it.
        jdbc.execute("CREATE TABLE crm_src.comments (id int, body text, article_id int); "
                + "INSERT INTO crm_src.comments VALUES (1, 'Nice', 1), (2, 'Gone', 3)");
        CRM.stubFor(post(urlEqualTo("/crm/v1/comments")).willReturn(json(200, "{\"data\": {\"id\": 31}}")));

        JsonNode comments = runs.runAndWait("article_comments");

        assertThat(comments.at("/counts/inserted").asLong()).isEqualTo(1);
        assertThat(comments.at("/counts/waiting").asLong()).isEqualTo(1);
        CRM.verify(postRequestedFor(urlEqualTo("/crm/v1/comments")).withRequestBody(equalToJson("{\"body\": \"Nice\", \"article\": 7}")));
        assertThat(link("article_comments", "1")).containsEntry("target_id", "31");
    }
}
