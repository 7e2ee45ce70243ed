package dev.vmscope.app.cli;

import dev.vmscope.core.DumpException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.Session;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;

import java.util.List;

/**
 * The other kernel virtual addresses that map the byte a translation ends at, from every mapping of the
 * kernel's page table (enumerated once per session). When the tables cannot be enumerated, there are none
 * to tell and the translation stands alone.
 */
final class Aliases {
    private static final elf4j.Logger LOG = elf4j.Logger.instance();

    private final Session session;
    private final Progress progress;
    private boolean unavailable;

    Aliases(Session session, Progress progress) {
        this.session = session;
        this.progress = progress;
    }

    List<Long> of(Translation t) {
        if (unavailable || !(t.result() instanceof WalkResult.Mapped m)) {
            return List.of();
        }
        try {
            List<Long> all = session.virtualAliases(m.address(), progress);
            Streams.endProgress(progress);
            return all.stream().filter(va -> va != t.virtualAddress()).toList();
        } catch (DumpException e) {
            unavailable = true;
            LOG.atDebug().log(e, (Object) "no aliases: the page tables cannot be enumerated");
            return List.of();
        }
    }
}
