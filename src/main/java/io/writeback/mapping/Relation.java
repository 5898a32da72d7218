package io.writeback.mapping;

import io.writeback.kernel.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A foreign key of the source: the column {@code column} holds the source id of a record of the
 * sync {@code parent}, and the target field {@code field} receives that record's target id, found
 * in the parent's link table. Written {@code field=parent(column)}.
 */
public record Relation(String field, String parent, String column) {

    private static final Pattern FORM = Pattern.compile("([\\w.-]+)\\s*=\\s*([a-z][a-z0-9_]*)\\s*\\(\\s*([\\w.-]+)\\s*\\)");

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
                        + "' needs the form field=parent_sync(column), for example company_ref=companies(company_id)");
            }
            Relation relation = new Relation(matcher.group(1), matcher.group(2), matcher.group(3));
            if (parsed.stream().anyMatch(r -> r.field().equals(relation.field()))) {
                throw new IllegalArgumentException("relations: target field '" + relation.field() + "' is mapped twice");
            }
            parsed.add(relation);
        }
        return List.copyOf(parsed);
    }
}
