package dev.gemscope.app.main;

import dev.gemscope.app.compare.CompareViewModel;
import dev.gemscope.app.details.Details;
import dev.gemscope.app.details.DetailsFactory;
import dev.gemscope.app.devices.DeviceRow;
import dev.gemscope.app.devices.DevicesViewModel;
import dev.gemscope.app.dmabufs.DmaBufsViewModel;
import dev.gemscope.app.failures.FailuresViewModel;
import dev.gemscope.app.fx.Job;
import dev.gemscope.app.graph.LayeredLayout;
import dev.gemscope.app.graph.GraphViewModel;
import dev.gemscope.app.fx.TaskExecutor;
import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.app.live.MemoryHistory;
import dev.gemscope.app.objects.GemObjectsViewModel;
import dev.gemscope.app.processes.ProcessesViewModel;
import dev.gemscope.app.source.SnapshotLoader;
import dev.gemscope.app.source.SnapshotSource;
import dev.gemscope.app.source.StartupOptions;
import dev.gemscope.app.stream.LatestOnly;
import dev.gemscope.app.stream.SeeEverything;
import dev.gemscope.app.stream.SnapshotStream;
import dev.gemscope.app.stream.StreamCommand;
import dev.gemscope.app.stream.StreamHandle;
import dev.gemscope.app.table.RowAction;
import dev.gemscope.app.table.TableModel;
import dev.gemscope.backend.model.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The main window's state: where the snapshot comes from, the snapshot on screen, the tabs' view
 * models, the selection's details and the notification. Snapshots are swapped in whole, on the FX
 * thread, by the executor's callbacks.
 */
public class MainViewModel {

    /** Refresh intervals offered in live mode, in seconds. */
    public static final List<Integer> INTERVALS = List.of(1, 2, 5, 10, 30);

    private final TaskExecutor executor;
    private final SnapshotLoader loader;
    private final DialogService dialogs;

    private final ReadOnlyObjectWrapper<SnapshotSource> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyStringWrapper sourceBadge = new ReadOnlyStringWrapper(this, "sourceBadge", "");
    private final ReadOnlyStringWrapper sourceText = new ReadOnlyStringWrapper(this, "sourceText", "Nothing open");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "gemscope");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused", false);
    private final IntegerProperty intervalSeconds = new SimpleIntegerProperty(this, "intervalSeconds", 2);
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>(this, "notice");
    private final ObjectProperty<Details> details = new SimpleObjectProperty<>(this, "details", Details.NONE);
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.OBJECTS);

    private final VisibilityViewModel visibility = new VisibilityViewModel();
    private final DevicesViewModel devices = new DevicesViewModel();
    private final GemObjectsViewModel objects = new GemObjectsViewModel();
    private final DmaBufsViewModel dmaBufs = new DmaBufsViewModel();
    private final ProcessesViewModel processes = new ProcessesViewModel();
    private final FailuresViewModel failures = new FailuresViewModel();
    private final GraphViewModel graph;
    private final CompareViewModel compare = new CompareViewModel();
    private final MemoryHistory history = new MemoryHistory();

    private SnapshotIndex index;
    private DetailsFactory detailsFactory;
    private TaskExecutor.Poller poller;
    private long generation;
    private StreamHandle stream;
    private StreamHandle.Launcher streamLauncher = SnapshotStream::start;
    private SeeEverything.Host host = SeeEverything.thisMachine();

    public MainViewModel(TaskExecutor executor, SnapshotLoader loader, DialogService dialogs) {
        this.executor = executor;
        this.loader = loader;
        this.dialogs = dialogs;
        this.graph = new GraphViewModel(executor, new LayeredLayout());
        graph.setOnError(m -> notice.set(Notice.error(m)));
        graph.activeProperty().bind(screen.isEqualTo(Screen.GRAPH));
        graph.selectedProperty().addListener((o, a, id) -> {
            if (id != null && detailsFactory != null) {
                details.set(graphDetails(id));
            }
        });
        followSelection(objects.table());
        followSelection(dmaBufs.table());
        followSelection(dmaBufs.usage());
        followSelection(processes.processes());
        followSelection(processes.clients());
        followSelection(failures.table());
        followSelection(failures.probe());
        followSelection(compare.processes());
        followSelection(compare.changes());
        devices.selectedProperty().addListener((o, a, d) -> onDeviceSelected(d));
        paused.addListener((o, a, p) -> updatePolling());
        intervalSeconds.addListener((o, a, s) -> {
            if (poller != null) {
                poller.setPeriod(Duration.ofSeconds(s.intValue()));
            }
        });
        installActions();
    }

    private <R> void followSelection(TableModel<R> table) {
        table.selectedProperty().addListener((o, a, row) -> {
            if (row != null) {
                details.set(table.details(row));
            }
        });
        table.onRefocus(row -> details.set(table.details(row)));
    }

    private void installActions() {
        objects.table().withAction(RowAction.of("Show in sharing graph", r -> showInGraph("gem:" + r.id())));
        objects.table().withAction(new RowAction<>("Go to its dma-buf", r -> r.object().dmaBufKey() != null,
                r -> showBuffer(r.object().dmaBufKey())));
        dmaBufs.table().withAction(RowAction.of("Show in sharing graph", r -> showInGraph("buf:" + r.key())));
        dmaBufs.table().withAction(RowAction.of("Sharing graph of this buffer only", r -> focusGraph("buf:" + r.key())));
        dmaBufs.table().withAction(new RowAction<>("Go to its GEM objects", r -> !index.objectsOf(r.key()).isEmpty(),
                r -> showObject(index.objectsOf(r.key()).get(0).id())));
        dmaBufs.usage().withAction(RowAction.of("Go to process", u -> showProcess(u.pid())));
        processes.processes().withAction(RowAction.of("Show in sharing graph", r -> showInGraph("proc:" + r.pid())));
        processes.processes().withAction(RowAction.of("Sharing graph of this process only", r -> focusGraph("proc:" + r.pid())));
        processes.clients().withAction(RowAction.of("Show in sharing graph",
                r -> showInGraph("client:" + r.client().pid() + ":" + r.client().fd())));
        failures.table().withAction(new RowAction<>("Go to its object",
                r -> r.failure().objectRef() != null, r -> showReference(r.failure().objectRef())));
    }

    // ---- opening and refreshing -------------------------------------------------------------

    /** Opens a source: reads the file or collects, in the background, and shows the result. */
    public void open(SnapshotSource newSource) {
        if (newSource.kind() == SnapshotSource.Kind.STREAM) {
            openStream(newSource.command());
            return;
        }
        long gen = ++generation;
        stopPolling();
        stopStream();
        executor.execute(new Job<>(titleFor(newSource), p -> prepare(loader.load(newSource, p), p),
                s -> {
                    if (gen == generation) {
                        if (!newSource.equals(source.get())) {
                            history.clear();
                            compare.clearBaseline();
                        }
                        source.set(newSource);
                        apply(s);
                        updatePolling();
                    }
                },
                e -> {
                    if (gen == generation) {
                        fail("Could not open " + newSource.displayName(), e);
                    }
                }));
    }

    private static String titleFor(SnapshotSource s) {
        return s.isCollected() ? "Collecting from " + s.displayName() : "Reading " + s.displayName();
    }

    /** Opens a file chosen in a dialog. */
    public void openWithDialog() {
        dialogs.chooseSnapshotToOpen("Open a gemscope snapshot").ifPresent(this::openFile);
    }

    public void openFile(Path file) {
        open(SnapshotSource.file(file));
    }

    /** Collects again now (live and tree sources only). */
    public void refresh() {
        SnapshotSource s = source.get();
        if (s == null || !s.isCollected()) {
            return;
        }
        if (poller != null) {
            poller.runNow();
        } else {
            open(s);
        }
    }

    /** Saves the snapshot on screen as a file. */
    public void saveWithDialog() {
        Snapshot s = snapshot.get();
        if (s == null) {
            return;
        }
        String suggested = "gemscope-" + (s.host() == null ? "snapshot" : s.host()) + "-"
                + s.capturedAt().replace(':', '-').replaceAll("\\..*", "") + ".json";
        dialogs.chooseSaveTarget("Save snapshot", "json", suggested).ifPresent(file -> save(s, file));
    }

    public void save(Snapshot s, Path file) {
        executor.execute(new Job<>("Saving " + file.getFileName(), p -> {
            loader.save(s, file);
            return file;
        }, f -> notice.set(Notice.info("Saved " + f)), e -> fail("Could not save " + file, e)));
    }

    private void updatePolling() {
        SnapshotSource s = source.get();
        if (s == null || !s.isCollected() || paused.get()) {
            stopPolling();
            return;
        }
        if (poller == null) {
            long gen = generation;
            poller = executor.poller(new Job<>("Refreshing", p -> prepare(loader.load(s, p), p), snap -> {
                if (gen == generation && !paused.get()) {
                    apply(snap);
                }
            }, e -> notice.set(Notice.error("Refresh failed: " + message(e)))), Duration.ofSeconds(intervalSeconds.get()));
        }
        if (!poller.isRunning()) {
            poller.start();
        }
    }

    private void stopPolling() {
        if (poller != null) {
            poller.stop();
            poller = null;
        }
    }

    /** Stops background refreshes and ends a stream's command (window closing). */
    public void dispose() {
        stopPolling();
        stopStream();
    }

    // ---- streams: snapshots from a command (privileged collector, ssh, the VM) ----------------

    /**
     * Starts a command whose output is {@code gemscope collect --stream} and shows each snapshot as
     * it arrives, like a live refresh: prepared in the background, the newest one only when the
     * stream is faster than indexing, swapped in on the FX thread. Errors become notices.
     */
    public void openStream(StreamCommand command) {
        long gen = ++generation;
        stopPolling();
        stopStream();
        SnapshotSource newSource = SnapshotSource.stream(command);
        java.util.concurrent.atomic.AtomicReference<LatestOnly<Snapshot>> feed = new java.util.concurrent.atomic.AtomicReference<>();
        feed.set(new LatestOnly<>(snap -> executor.execute(new Job<>("Indexing a streamed snapshot",
                p -> prepare(snap, p), prepared -> {
                    if (gen == generation && !paused.get()) {
                        if (!newSource.equals(source.get())) {
                            history.clear();
                            compare.clearBaseline();
                            source.set(newSource);
                        }
                        apply(prepared);
                    }
                    feed.get().done();
                }, e -> {
                    if (gen == generation) {
                        fail("A streamed snapshot could not be shown", e);
                    }
                    feed.get().done();
                }))));
        try {
            stream = streamLauncher.start(command, new SnapshotStream.Listener() {
                @Override
                public void snapshot(Snapshot snapshot) {
                    if (gen == generation) {
                        feed.get().offer(snapshot);
                    }
                }

                @Override
                public void badLine(String message) {
                    onStreamEvent(gen, Notice.error("Stream from " + command.label() + ": " + message));
                }

                @Override
                public void ended(int exitStatus, String stderrTail, boolean stoppedByUs) {
                    if (!stoppedByUs) {
                        onStreamEvent(gen, streamEnded(command, exitStatus, stderrTail));
                    }
                }
            });
            notice.set(Notice.info("Reading snapshots from " + command.label() + " (" + String.join(" ", command.argv()) + ")"));
        } catch (java.io.IOException | RuntimeException e) {
            fail("Could not start " + String.join(" ", command.argv()), e);
        }
    }

    static Notice streamEnded(StreamCommand command, int exitStatus, String stderrTail) {
        String tail = stderrTail == null || stderrTail.isBlank() ? "" : ": " + stderrTail.strip().replace('\n', ' ');
        if (exitStatus == 0) {
            return Notice.info("The stream from " + command.label() + " ended" + tail);
        }
        String hint = command.privileged() && (exitStatus == 126 || exitStatus == 127 || exitStatus == 1)
                ? " (authorisation refused or cancelled?)" : "";
        return Notice.error("The stream from " + command.label() + " ended with status " + exitStatus + hint + tail);
    }

    /** A stream event from its reader thread: shown on the FX thread through the executor. */
    private void onStreamEvent(long gen, Notice n) {
        executor.execute(new Job<>("Stream", p -> n, x -> {
            if (gen == generation) {
                notice.set(x);
            }
        }, e -> { }));
    }

    /** "See everything": the privileged collector through pkexec or sudo, or what to do. */
    public void seeEverything() {
        SeeEverything.Plan plan = SeeEverything.plan(host, StartupOptions.home(), intervalSeconds.get());
        plan.command().ifPresentOrElse(c -> {
            openStream(c);
            notice.set(Notice.info(plan.message()));
        }, () -> notice.set(Notice.error(plan.message())));
    }

    /** "Remote/command…": asks for a command line and streams from it. */
    public void streamFromCommandWithDialog() {
        dialogs.askStreamCommand("Read snapshots from a command",
                "The command must write 'gemscope collect --stream' output, e.g.\n"
                        + "  ssh HOST sudo gemscope collect --stream\n"
                        + "  bench/vm/run-in-vm.sh --kernel 6.12 -- ./gemscope collect --stream\n"
                        + "Run without a shell: wrap pipes or variables in sh -c '...'.",
                "ssh HOST sudo gemscope collect --stream").ifPresent(line -> {
                    try {
                        openStream(StreamCommand.of(line));
                    } catch (IllegalArgumentException e) {
                        notice.set(Notice.error("Not a command: " + e.getMessage()));
                    }
                });
    }

    private void stopStream() {
        if (stream != null) {
            stream.stop();
            stream = null;
        }
    }

    /** The running stream, if any. */
    public Optional<StreamHandle> stream() {
        return Optional.ofNullable(stream);
    }

    /** For tests: streams without processes, and a made-up machine for "see everything". */
    public void setStreamLauncher(StreamHandle.Launcher launcher, SeeEverything.Host host) {
        this.streamLauncher = launcher;
        this.host = host;
    }

    private PreparedSnapshot prepare(Snapshot s, Job.Progress p) {
        p.update(-1, -1, "Indexing " + s.gemObjects().size() + " GEM objects and " + s.dmaBufs().size() + " dma-bufs…");
        return PreparedSnapshot.of(s, this);
    }

    /** Shows a snapshot: every tab swaps its prepared rows in one step (FX thread). */
    private void apply(PreparedSnapshot p) {
        Snapshot s = p.snapshot();
        index = p.index();
        detailsFactory = p.details();
        snapshot.set(s);
        visibility.show(s);
        objects.show(p.objects(), detailsFactory);
        dmaBufs.show(p.dmaBufs(), detailsFactory);
        processes.show(p.processes(), detailsFactory);
        failures.show(p.failures(), detailsFactory);
        devices.show(p.devices());
        onDeviceSelected(devices.selectedProperty().get());
        graph.show(p.index());
        updateSourceText(s);
        if (isLiveView() && history.add(s)) {
            Set<String> freshBuffers = history.freshBuffers();
            Set<String> freshObjects = history.freshObjects();
            if (!freshBuffers.isEmpty()) {
                dmaBufs.table().highlightProperty().set(r -> freshBuffers.contains(r.key()));
            }
            if (!freshObjects.isEmpty()) {
                objects.table().highlightProperty().set(r -> freshObjects.contains(r.id()));
            }
            compare.liveUpdate(s);
        }
    }

    // ---- compare ------------------------------------------------------------------------------

    /** Asks for a second snapshot and compares it with the one on screen. */
    public void compareWithDialog() {
        if (snapshot.get() != null) {
            dialogs.chooseSnapshotToOpen("Compare with another snapshot").ifPresent(this::compareWith);
        }
    }

    public void compareWith(Path other) {
        Snapshot current = snapshot.get();
        SnapshotSource src = source.get();
        String currentName = src.displayName();
        String otherName = String.valueOf(other.getFileName());
        if (currentName.equals(otherName) && src.path() != null) {
            // Same file name (e.g. two fixtures' expected-snapshot.json): tell them apart by directory.
            currentName = withParent(src.path());
            otherName = withParent(other);
        }
        String a = currentName;
        String b = otherName;
        executor.execute(new Job<>("Reading " + other.getFileName(), p -> loader.read(other), s -> {
            compare.clearBaseline();
            compare.compare(current, a, s, b);
            screen.set(Screen.COMPARE);
        }, e -> fail("Could not compare with " + other.getFileName(), e)));
    }

    private static String withParent(Path p) {
        Path abs = p.toAbsolutePath();
        return abs.getParent() == null ? String.valueOf(abs.getFileName())
                : abs.getParent().getFileName() + "/" + abs.getFileName();
    }

    /** Live mode: compare every refresh from now on with what is on screen now. */
    public void markBaseline() {
        Snapshot s = snapshot.get();
        if (s != null && isLiveView()) {
            compare.markBaseline(s, "baseline " + formatTime(s.capturedAt()).replace("captured ", ""));
            screen.set(Screen.COMPARE);
        }
    }

    private void updateSourceText(Snapshot s) {
        SnapshotSource src = source.get();
        String machine = s.host() + " · kernel " + s.kernelRelease() + " · " + formatTime(s.capturedAt());
        switch (src.kind()) {
            case LIVE -> {
                sourceBadge.set("LIVE");
                sourceText.set("This machine, " + machine);
            }
            case TREE -> {
                sourceBadge.set("TREE");
                sourceText.set("Captured tree " + src.path() + " (re-read like a live system) · " + machine);
            }
            case FILE -> {
                sourceBadge.set("CAPTURE");
                sourceText.set(src.path().getFileName() + " · " + machine);
            }
            case STREAM -> {
                sourceBadge.set(src.command().privileged() ? "LIVE (ALL)" : "STREAM");
                sourceText.set("Stream from " + src.command().label() + " · " + machine);
            }
            case DEMO -> {
                sourceBadge.set("DEMO CAPTURE");
                sourceText.set("Bundled demo capture, not a live view (this machine has no DRM device) · " + machine);
            }
        }
        title.set("gemscope — " + src.displayName() + (src.isLive() ? "" : " (capture)"));
        summary.set(plural(s.devices().size(), "device") + " · " + plural(s.clients().size(), "DRM client") + " · "
                + plural(s.gemObjects().size(), "GEM object") + " · " + plural(s.dmaBufs().size(), "dma-buf") + " · "
                + plural(s.failedOperations().size(), "failed operation") + " · "
                + plural(s.warnings().size(), "unparsed kernel line"));
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** "2026-11-25T17:20:44.967301814Z" → "captured 2026-11-25 17:20:44 UTC". */
    static String formatTime(String iso) {
        if (iso == null || iso.length() < 19) {
            return "captured " + iso;
        }
        return "captured " + iso.substring(0, 10) + " " + iso.substring(11, 19) + (iso.endsWith("Z") ? " UTC" : "");
    }

    private void onDeviceSelected(DeviceRow row) {
        String id = row == null ? null : row.deviceId();
        objects.scopeToDevice(id);
        processes.scopeToDevice(id);
        if (index != null) {
            dmaBufs.scopeToDevice(id, index);
            if (row != null && row.device() != null) {
                details.set(detailsFactory.device(row.device()));
            }
        }
    }

    // ---- navigation -------------------------------------------------------------------------

    public void showObject(String objectId) {
        if (objectId != null && index != null && index.object(objectId) != null) {
            clearDeviceScope();
            objects.reveal(objectId);
            screen.set(Screen.OBJECTS);
        }
    }

    public void showBuffer(String bufferKey) {
        if (bufferKey != null && index != null && index.buffer(bufferKey) != null) {
            clearDeviceScope();
            dmaBufs.reveal(bufferKey);
            screen.set(Screen.DMABUFS);
        }
    }

    public void showProcess(int pid) {
        clearDeviceScope();
        if (processes.revealProcess(pid)) {
            screen.set(Screen.PROCESSES);
        }
    }

    /** Switches to the graph with that node selected and its neighbourhood highlighted. */
    public void showInGraph(String nodeId) {
        if (index != null) {
            graph.select(nodeId);
            screen.set(Screen.GRAPH);
        }
    }

    /** Switches to the graph narrowed to what concerns one node. */
    public void focusGraph(String nodeId) {
        if (index != null) {
            graph.focusOn(nodeId);
            graph.select(nodeId);
            screen.set(Screen.GRAPH);
        }
    }

    private Details graphDetails(String nodeId) {
        String rest = nodeId.substring(nodeId.indexOf(':') + 1);
        if (nodeId.startsWith("proc:")) {
            return detailsFactory.process(Integer.parseInt(rest));
        } else if (nodeId.startsWith("client:")) {
            String[] pidFd = rest.split(":");
            return index.clientsOf(Integer.parseInt(pidFd[0])).stream()
                    .filter(c -> c.fd() == Integer.parseInt(pidFd[1])).findFirst()
                    .map(detailsFactory::client).orElse(Details.NONE);
        } else if (nodeId.startsWith("gem:") && index.object(rest) != null) {
            return detailsFactory.object(index.object(rest));
        } else if (nodeId.startsWith("buf:") && index.buffer(rest) != null) {
            return detailsFactory.buffer(index.buffer(rest));
        } else if (nodeId.startsWith("dev:") && index.device(rest) != null) {
            return detailsFactory.device(index.device(rest));
        }
        return Details.builder(rest).add("node", nodeId).add("note", "not a DRM device gemscope could read").build();
    }

    /** Follows a failed operation's object reference: a dma-buf key, an object id or "handle N". */
    public void showReference(String ref) {
        if (index == null || ref == null) {
            return;
        }
        if (index.buffer(ref) != null) {
            showBuffer(ref);
        } else if (index.object(ref) != null) {
            showObject(ref);
        } else {
            notice.set(Notice.info("'" + ref + "' is not an object or dma-buf in this snapshot."));
        }
    }

    private void clearDeviceScope() {
        if (devices.selectedDeviceId() != null && !devices.rows().isEmpty()) {
            devices.selectedProperty().set(devices.rows().get(0));
        }
    }

    // ---- failures -------------------------------------------------------------------------

    protected void fail(String what, Throwable e) {
        notice.set(Notice.error(what + ": " + message(e)));
    }

    static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    // ---- accessors --------------------------------------------------------------------------

    protected TaskExecutor executor() {
        return executor;
    }

    protected SnapshotLoader loader() {
        return loader;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public SnapshotIndex index() {
        return index;
    }

    public DetailsFactory detailsFactory() {
        return detailsFactory;
    }

    public ReadOnlyObjectProperty<SnapshotSource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public Snapshot getSnapshot() {
        return snapshot.get();
    }

    public ReadOnlyStringProperty sourceBadgeProperty() {
        return sourceBadge.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceTextProperty() {
        return sourceText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public IntegerProperty intervalSecondsProperty() {
        return intervalSeconds;
    }

    public ObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    public ObjectProperty<Details> detailsProperty() {
        return details;
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public VisibilityViewModel visibility() {
        return visibility;
    }

    public DevicesViewModel devices() {
        return devices;
    }

    public GemObjectsViewModel objects() {
        return objects;
    }

    public DmaBufsViewModel dmaBufs() {
        return dmaBufs;
    }

    public ProcessesViewModel processes() {
        return processes;
    }

    public FailuresViewModel failures() {
        return failures;
    }

    public GraphViewModel graph() {
        return graph;
    }

    public CompareViewModel compare() {
        return compare;
    }

    public MemoryHistory history() {
        return history;
    }

    /** Whether the current source can be refreshed. */
    public boolean isCollected() {
        return source.get() != null && source.get().isCollected();
    }

    /** Whether the current source changes by itself (collected or streamed). */
    public boolean isLiveView() {
        return source.get() != null && source.get().isLive();
    }

    Optional<SnapshotSource> currentSource() {
        return Optional.ofNullable(source.get());
    }
}
