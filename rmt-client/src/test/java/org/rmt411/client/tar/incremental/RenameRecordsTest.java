package org.rmt411.client.tar.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenameRecordsTest {
    private static String records(RenameRecords renames) {
        StringBuilder sb = new StringBuilder();
        renames.records().forEach(e -> sb.append(e.code()).append(e.name()).append(' '));
        return sb.toString().trim();
    }

    @Test
    void aChainMovesTheFolderOutOfTheWayFirst() {
        RenameRecords renames = new RenameRecords();
        renames.add("t/a", "t/b"); // found first: the old a is now b
        renames.add("t/b", "t/c"); // but the old b must leave for c before
        assertThat(records(renames)).isEqualTo("Rt/b Tt/c Rt/a Tt/b");
    }

    @Test
    void aNestedRenameWaitsForItsParentToArrive() {
        RenameRecords renames = new RenameRecords();
        renames.add("t/y/old", "t/y/new"); // names below a renamed folder are given under its new name
        renames.add("t/x", "t/y");
        assertThat(records(renames)).isEqualTo("Rt/x Tt/y Rt/y/old Tt/y/new");
    }

    @Test
    void aSwapGoesThroughATemporaryFolder() {
        RenameRecords renames = new RenameRecords();
        renames.add("t/b", "t/a");
        renames.add("t/a", "t/b");
        String records = records(renames);
        assertThat(records).isEqualTo("Xt Rt/b T Rt/a Tt/b R Tt/a");
        Dumpdir dumpdir = new Dumpdir(renames.records());
        assertThat(dumpdir.problem()).isEmpty();
    }
}
