package io.writeback.group;

import io.writeback.kernel.Identifiers;
import io.writeback.kernel.StageOptions;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Parameters of {@code writeback:group}: the syncs it runs, in order, parents first. */
@UriParams
public class GroupOptions implements StageOptions {

    /** The stage's name in a sync file: {@code writeback:group}. */
    public static final String STAGE = "group";

    /** The syncs a group runs, in order, parents first, comma-separated */
    @UriParam(label = "group")
    @Metadata(required = true)
    private String syncs;

    @Override
    public void check(List<String> problems) {
        List<String> names = syncs();
        if (names.isEmpty()) {
            problems.add("writeback:group needs 'syncs': the syncs to run, in order, parents first");
        }
        names.stream().filter(name -> !Identifiers.isSyncName(name))
                .forEach(name -> problems.add("writeback:group syncs: '" + name + "' cannot name a sync"));
        if (names.stream().distinct().count() < names.size()) {
            problems.add("writeback:group syncs: a sync is listed more than once (" + syncs + ")");
        }
    }

    public List<String> syncs() {
        return syncs == null || syncs.isBlank() ? List.of()
                : Arrays.stream(syncs.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    public void setSyncs(String syncs) {
        this.syncs = syncs;
    }

    public String getSyncs() {
        return syncs;
    }
}
