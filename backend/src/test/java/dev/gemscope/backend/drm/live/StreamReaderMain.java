package dev.gemscope.backend.drm.live;

import dev.gemscope.backend.collect.Collector;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.model.SourceRead;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import dev.gemscope.backend.source.SystemRoot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reading side of {@link PrivilegeSplitLive}, run as an ordinary user: reads N snapshots from
 * stdin (the privileged collector's stream), as the GUI does, and prints one summary line each; then
 * closes stdin (the collector must notice) and collects by itself, unprivileged, in the same process
 * (one JVM start less in a slow guest), printing {@code alone: } and the same summary.
 * Usage: {@code StreamReaderMain N PID BUFFER_NAME}.
 */
public final class StreamReaderMain {

    private StreamReaderMain() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        int pid = Integer.parseInt(args[1]);
        String name = args[2];
        String uid = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                .map(l -> l.split("\\s+")[1]).findFirst().orElse("?");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        SnapshotCodec codec = new SnapshotCodec();
        for (int i = 0; i < count; i++) {
            String line = in.readLine();
            if (line == null) {
                System.out.println("EOF after " + i);
                return;
            }
            System.out.println(summary(codec.fromJson(line, "stream line " + (i + 1)), uid, pid, name));
        }
        // Closing our end of the pipe: the privileged collector must notice and exit.
        System.in.close();
        Snapshot alone = new Collector(SystemRoot.live()).collect();
        System.out.println("alone: " + summary(alone, uid, pid, name));
    }

    /** One line: what the reader sees of the root-owned test process and of debugfs. */
    static String summary(Snapshot s, String readerUid, int pid, String name) {
        long holders = s.holders().stream().filter(h -> h.pid() == pid && h.kind() == Holder.Kind.DMABUF).count();
        boolean named = s.dmaBufs().stream().anyMatch(b -> name.equals(b.name()));
        String bufinfo = s.sources().stream().filter(r -> r.source().endsWith("/dma_buf/bufinfo"))
                .map(SourceRead::status).findFirst().orElse("absent");
        return "reader-uid=" + readerUid + " pid-dmabuf-holders=" + holders + " named-buffer=" + named
                + " bufinfo=" + bufinfo + " complete=" + s.visibility().complete()
                + " denied=" + s.visibility().processesDenied();
    }
}
