package io.writeback.api;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.writeback.deadletter.InvalidRows;
import io.writeback.run.ActiveRuns;
import io.writeback.run.Pauses;
import io.writeback.run.RunInProgressException;
import io.writeback.run.RunLauncher;
import io.writeback.run.RunLedger;
import io.writeback.run.SyncOperations;
import io.writeback.run.UnknownSyncException;
import io.writeback.sync.SyncCatalog;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The runs API as HTTP answers it, in a web slice: what the launcher and the ledger say becomes 202,
 * 404 or 409 with a problem detail. Logins are AccessTest's concern, so the filters are off here.
 */
@WebMvcTest(SyncController.class)
@AutoConfigureMockMvc(addFilters = false)
class SyncControllerWebTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SyncCatalog catalog;

    @MockitoBean
    RunLedger ledger;

    @MockitoBean
    RunLauncher launcher;

    @MockitoBean
    ActiveRuns activeRuns;

    @MockitoBean
    SyncOperations operations;

    @MockitoBean
    InvalidRows invalidRows;

    @MockitoBean
    Pauses pauses;

    @Test
    void aQueuedRunIsAnswered202WithWhereToFollowIt() throws Exception {
        when(launcher.launch("contacts")).thenReturn(12L);

        mvc.perform(post("/api/syncs/contacts/runs"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/runs/12"))
                .andExpect(jsonPath("$.runId").value(12))
                .andExpect(jsonPath("$.status").value("queued"));
    }

    @Test
    void aSyncAlreadyRunningIsAnswered409WithWhy() throws Exception {
        when(launcher.launch("contacts")).thenThrow(new RunInProgressException("contacts",
                new ActiveRuns.Claim("contacts", 7, "node-a")));

        mvc.perform(post("/api/syncs/contacts/runs"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("sync 'contacts' is already running (run 7 on node node-a)"));
    }

    @Test
    void anUnknownSyncOrRunIsAnswered404NamingIt() throws Exception {
        when(launcher.launch("nope")).thenThrow(new UnknownSyncException("nope"));
        when(catalog.find("nope")).thenReturn(Optional.empty());
        when(ledger.find(99)).thenReturn(Optional.empty());

        mvc.perform(post("/api/syncs/nope/runs")).andExpect(status().isNotFound());
        mvc.perform(get("/api/syncs/nope")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(new UnknownSyncException("nope").getMessage()));
        mvc.perform(get("/api/runs/99")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no run with id 99"));
    }
}
