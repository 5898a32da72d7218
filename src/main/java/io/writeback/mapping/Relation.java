package io.writeback.mapping;

import io.writeback.kernel.Identifiers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A foreign key of the source: the column {@code column} holds the source id of a record of the
 * sync {@code parent}, and the target field {@code field} receives that record's target id, found
 * in the parent's link table. Written {@code field=parent(column)}; with {@code as number} after it,
 * the target id is sent as a JSON number, for targets whose ids are numbers.
 */
public record Relation(String field, String parent, String column, boolean number) {

    private static final Pattern FORM = Pattern.compile(
            "([\\w.-]+)\\s*=\\s*([a-z][a-z0-9_]*)\\s*\\(\\s*([\\w.-]+)\\s*\\)(\\s+as\\s+number)?");

    /**
     * The canonical description of {@code relations} for the payload hash: sorted by field, in the form
     * earlier versions hashed (so upgrading re-sends only syncs whose relations were listed out of that
     * order); empty for none.
     */
    public static String fingerprint(List<Relation> relations) {
        if (relations.isEmpty()) {
            return "";
        }
        return relations.stream().sorted(Comparator.comparing(Relation::field))
                .map(r -> "Relation[field=" + r.field() + ", parent=" + r.parent() + ", column=" + r.column()
                        + (r.number() ? ", number" : "") + "]")
                .collect(Collectors.joining(", ", ";relations[", "]"));
    }

    /**
     * Parses {@code relations} ("company_ref=companies(company_id), owner=users(owner_id)"); null is none.
     *
     * @throws IllegalArgumentException naming the entry that cannot be read
     */
    public static List<Relation> parse(String relations) {
        List<Relation> parsed = new ArrayList<>();
        for (String entry : PairList.split(relations)) {
            Matcher matcher = FORM.matcher(entry.strip());
            if (!matcher.matches() || !Identifiers.isSyncName(matcher.group(2))) {
                throw new IllegalArgumentException("relations: '" + entry.strip()
                        + "' needs the form field=parent_sync(column), for example company_ref=companies(company_id), "
                        + "and may end with 'as number'");
            }
            Relation relation = new Relation(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4) != null);
            if (parsed.stream().anyMatch(r -> r.field().equals(relation.field()))) {
                throw new IllegalArgumentException("relations: target field '" + relation.field() + "' is mapped twice");
            }
            parsed.add(relation);
        }
        return List.copyOf(parsed);
    }
}
