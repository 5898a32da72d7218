package io.writeback.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldMappingTest {

    private final Map<String, Object> row = new LinkedHashMap<>(Map.of(
            "id", 7, "fullname", "Ada Lovelace", "email", "ada@example.com", "_sdc_batched_at", "2026-01-01T00:00:00Z"));

    @Test
    void withoutFieldsEveryColumnButTheBookkeepingPassesThrough() {
        Map<String, Object> payload = FieldMapping.identity().apply(row, Set.of("_sdc_batched_at"));

        assertThat(payload).containsOnlyKeys("id", "fullname", "email");
    }

    @Test
    void fieldsRenameAndSelectAndConstantsAreAdded() {
        FieldMapping mapping = FieldMapping.parse("name=fullname, email", "source=warehouse, note='a, b'");

        Map<String, Object> payload = mapping.apply(row, Set.of());

        assertThat(payload).containsExactly(Map.entry("name", "Ada Lovelace"), Map.entry("email", "ada@example.com"),
                Map.entry("source", "warehouse"), Map.entry("note", "a, b"));
    }

    @Test
    void namesTheColumnsTheQueryLacks() {
        FieldMapping mapping = FieldMapping.parse("name=full_name, email, phone", null);

        assertThat(mapping.missingColumns(row.keySet())).isEqualTo(List.of("full_name", "phone"));
    }

    @Test
    void refusesEntriesItCannotRead() {
        assertThatThrownBy(() -> FieldMapping.parse("name=fullname, name=email", null))
                .hasMessage("fields: target field 'name' is mapped twice");
        assertThatThrownBy(() -> FieldMapping.parse("=fullname", null))
                .hasMessage("fields: '=fullname' is not a field name or target=source pair");
        assertThatThrownBy(() -> FieldMapping.parse(null, "source"))
                .hasMessage("constants: 'source' needs the form target=value");
        assertThatThrownBy(() -> FieldMapping.parse(null, "note='open"))
                .hasMessage("unclosed quote in 'note='open'");
    }

    @Test
    void theFingerprintChangesWithTheMapping() {
        assertThat(FieldMapping.parse("name=fullname", null).fingerprint())
                .isNotEqualTo(FieldMapping.parse("name=email", null).fingerprint())
                .isEqualTo(FieldMapping.parse(" name = fullname ", null).fingerprint());
    }

    @Test
    void theSameMappingListedInAnotherOrderHasTheSameFingerprint() {
        assertThat(FieldMapping.parse("name=fullname, email, country=country_code", "source=warehouse, tier=gold").fingerprint())
                .isEqualTo(FieldMapping.parse("country=country_code, email, name=fullname", "tier=gold, source=warehouse")
                        .fingerprint());
        assertThat(Relation.fingerprint(Relation.parse("company=companies(company_id), owner=users(owner_id)")))
                .isEqualTo(Relation.fingerprint(Relation.parse("owner=users(owner_id), company=companies(company_id)")))
                .isNotEqualTo(Relation.fingerprint(Relation.parse("owner=users(owner_id)")));
        assertThat(Relation.fingerprint(List.of())).isEmpty();
    }

    @Test
    void aMappingAlreadyInOrderKeepsTheFingerprintEarlierVersionsStored() {
        // What was hashed before fingerprints were made canonical: upgrading must not re-send these syncs.
        assertThat(FieldMapping.parse("email, name=fullname", "source=warehouse").fingerprint())
                .isEqualTo("fields{email=email, name=fullname};constants{source=warehouse}");
        assertThat(Relation.fingerprint(Relation.parse("company_id=companies(company_id)")))
                .isEqualTo(";relations[Relation[field=company_id, parent=companies, column=company_id]]");
    }
}
