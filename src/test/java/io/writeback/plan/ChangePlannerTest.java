package io.writeback.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.writeback.kernel.Action;
import io.writeback.kernel.Link;
import io.writeback.kernel.LinkStatus;
import io.writeback.kernel.SyncMode;
import io.writeback.kernel.SyncRecord;
import io.writeback.kernel.Vanished;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ChangePlannerTest {

    private static final String FINGERPRINT = "fields{};constants{}";
    private static final long RUN = 7;
    private static final Predicate<String> NOTHING_UNDER_WAY = sourceId -> false;

    @Test
    void upsertInsertsNewUpdatesChangedAndSkipsUnchanged() {
        SyncRecord fresh = record("1", "a");
        SyncRecord changed = record("2", "b");
        SyncRecord same = record("3", "c");
        SyncRecord failedBefore = record("4", "d");
        Map<String, Link> links = Map.of(
                "2", new Link("2", "t2", LinkStatus.SUCCESS, "old-hash", 1, null, null, null, null, null),
                "3", new Link("3", "t3", LinkStatus.SUCCESS, hashOf(same), 1, null, null, null, null, null),
                "4", new Link("4", "t4", LinkStatus.ERROR, hashOf(failedBefore), 2, null, null, null, null, null));

        ChangePlanner.plan(List.of(fresh, changed, same, failedBefore), links, SyncMode.UPSERT, Vanished.DELETE, FINGERPRINT, RUN, NOTHING_UNDER_WAY);

        assertThat(fresh.action()).isEqualTo(Action.INSERT);
        assertThat(changed.action()).isEqualTo(Action.UPDATE);
        assertThat(same.action()).isEqualTo(Action.UNCHANGED);
        assertThat(failedBefore.action()).isEqualTo(Action.UPDATE);
    }

    @Test
    void insertLeavesLinkedRecordsAloneAndUpdateLeavesUnlinkedOnes() {
        SyncRecord linked = record("1", "a");
        SyncRecord unlinked = record("2", "b");
        Map<String, Link> links = Map.of("1", new Link("1", "t1", LinkStatus.SUCCESS, "old", 1, null, null, null, null, null));

        ChangePlanner.plan(List.of(linked, unlinked), links, SyncMode.INSERT, Vanished.DELETE, FINGERPRINT, RUN, NOTHING_UNDER_WAY);
        assertThat(linked.action()).isEqualTo(Action.SKIP);
        assertThat(linked.reason()).isEqualTo("already linked to target record t1, and mode insert only inserts");
        assertThat(unlinked.action()).isEqualTo(Action.INSERT);

        linked.decide(null, null);
        unlinked.decide(null, null);
        ChangePlanner.plan(List.of(linked, unlinked), links, SyncMode.UPDATE, Vanished.DELETE, FINGERPRINT, RUN, NOTHING_UNDER_WAY);
        assertThat(linked.action()).isEqualTo(Action.UPDATE);
        assertThat(unlinked.action()).isEqualTo(Action.SKIP);
    }

    @Test
    void aKeySeenTwiceInAChunkMakesTheLaterRowInvalid() {
        SyncRecord first = record("1", "a");
        SyncRecord again = record("1", "b");

        var keys = ChangePlanner.validKeys(List.of(first, again));

        assertThat(keys).containsExactly("1");
        assertThat(first.isInvalid()).isFalse();
        assertThat(again.isInvalid()).isTrue();
        assertThat(again.reason()).isEqualTo("the key 1 appears more than once in the query's result");
    }

    @Test
    void aKeyWhoseLinkThisRunAlreadyWroteIsInvalid() {
        SyncRecord repeated = record("1", "b");
        Map<String, Link> links = Map.of("1", new Link("1", "t1", LinkStatus.SUCCESS, "h", 1, RUN, null, null, null, null));

        ChangePlanner.plan(List.of(repeated), links, SyncMode.UPSERT, Vanished.DELETE, FINGERPRINT, RUN, NOTHING_UNDER_WAY);

        assertThat(repeated.action()).isEqualTo(Action.INVALID);
    }

    @Test
    void aKeyWhoseLinkTheLastChunkIsStillWritingIsInvalid() {
        SyncRecord repeated = record("1", "b");
        SyncRecord other = record("2", "c");

        ChangePlanner.plan(List.of(repeated, other), Map.of(), SyncMode.UPSERT, Vanished.DELETE, FINGERPRINT, RUN,
                "1"::equals);

        assertThat(repeated.action()).isEqualTo(Action.INVALID);
        assertThat(other.action()).isEqualTo(Action.INSERT);
    }

    @Test
    void theHashIgnoresFieldOrderButNotValuesOrTheMapping() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", "x");
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", "x");
        ba.put("a", 1);

        assertThat(PayloadHash.of(FINGERPRINT, ab)).isEqualTo(PayloadHash.of(FINGERPRINT, ba))
                .isNotEqualTo(PayloadHash.of(FINGERPRINT, Map.of("a", 2, "b", "x")))
                .isNotEqualTo(PayloadHash.of("fields{a=a}", ab));
    }

    @Test
    void theHashIsSha256OfTheFingerprintAndTheCanonicalJsonWithNestedKeysSortedToo() throws Exception {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", "Acme");
        payload.put("address", new LinkedHashMap<>(Map.of("street", "Main St", "city", "Lyon")));
        payload.put("active", true);
        payload.put("note", null);
        payload.put("score", 42L);
        payload.put("lines", List.of(1, 2.5));
        String canonical = FINGERPRINT + "\n" + """
                {"active":true,"address":{"city":"Lyon","street":"Main St"},"lines":[1,2.5],"name":"Acme","note":null,"score":42}""";

        byte[] expected = MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8));

        assertThat(PayloadHash.of(FINGERPRINT, payload)).isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void deleteModeDeletesLinkedRecordsOnce() {
        SyncRecord linked = record("1", "a");
        SyncRecord gone = record("2", "b");
        SyncRecord unlinked = record("3", "c");
        Map<String, Link> links = Map.of("1", new Link("1", "t1", LinkStatus.SUCCESS, "h", 1, null, null, null, null, null),
                "2", new Link("2", "t2", LinkStatus.DELETED, "h", 1, null, null, null, null, null));

        ChangePlanner.plan(List.of(linked, gone, unlinked), links, SyncMode.DELETE, Vanished.DELETE, FINGERPRINT, RUN, NOTHING_UNDER_WAY);

        assertThat(linked.action()).isEqualTo(Action.DELETE);
        assertThat(gone.action()).isEqualTo(Action.SKIP);
        assertThat(gone.reason()).isEqualTo("target record t2 was deleted before");
        assertThat(unlinked.action()).isEqualTo(Action.SKIP);
    }

    @Test
    void aRowBackInTheSourceIsCreatedAgainWhenItsRecordWasDeletedAndUpdatedWhenArchived() {
        SyncRecord back = record("1", "a");
        Map<String, Link> links = Map.of("1", new Link("1", "t1", LinkStatus.DELETED, "h", 1, null, null, null, null, null));

        ChangePlanner.plan(List.of(back), links, SyncMode.MIRROR, Vanished.DELETE, FINGERPRINT, RUN, NOTHING_UNDER_WAY);
        assertThat(back.action()).isEqualTo(Action.INSERT);

        back.decide(null, null);
        ChangePlanner.plan(List.of(back), links, SyncMode.MIRROR, Vanished.ARCHIVE, FINGERPRINT, RUN, NOTHING_UNDER_WAY);
        assertThat(back.action()).isEqualTo(Action.UPDATE);
    }

    @Test
    void aPairedRecordHoldingWhatItsPairWroteIsAnEchoAndOneThatChangedSinceIsSentEvenAtItsOldHash() {
        SyncRecord echoed = record("1", "written");
        SyncRecord changedBack = record("2", "old");
        SyncRecord noComparableField = record("3", "x");
        Map<String, Link> links = Map.of(
                "1", new Link("1", "t1", LinkStatus.SUCCESS, null, 0, null, null, "{\"v\": \"written\", \"not_read\": 1}", null, null),
                "2", new Link("2", "t2", LinkStatus.SUCCESS, hashOf(changedBack), 1, null, null, "{\"v\": \"written\"}", null, null),
                "3", new Link("3", "t3", LinkStatus.SUCCESS, hashOf(noComparableField), 1, null, null, "{\"other\": 1}", null, null));

        ChangePlanner.plan(List.of(echoed, changedBack, noComparableField), links, SyncMode.UPSERT, Vanished.DELETE,
                FINGERPRINT, RUN, NOTHING_UNDER_WAY);

        assertThat(echoed.action()).isEqualTo(Action.ECHO);
        assertThat(echoed.payloadHash()).isEqualTo(hashOf(echoed));
        // Its pair wrote "written", and the row says "old" again: a change made after the pair's write.
        assertThat(changedBack.action()).isEqualTo(Action.UPDATE);
        assertThat(noComparableField.action()).isEqualTo(Action.UPDATE);
    }

    private static SyncRecord record(String id, String value) {
        SyncRecord record = new SyncRecord(id, Map.of("id", id, "v", value));
        record.setPayload(new HashMap<>(Map.of("v", value)));
        return record;
    }

    private static String hashOf(SyncRecord record) {
        return PayloadHash.of(FINGERPRINT, record.payload());
    }
}
