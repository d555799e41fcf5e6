#!/bin/sh
# workload-guest.sh OUT CLASSPATH CDS-DIR SCENARIO...   (runs as root in the VM, from run-workload-proof.sh)
#
# Two collectors start first and stay up for every scenario (`gemscope collect --each-line`, one
# JVM each: JVM start-up dominates under TCG): one as root, one as an ordinary user (nobody).
# One `gemscope workload` (coordinator) runs every scenario in turn (one child JVM per scenario
# process, plus the light holder processes those spawn). Per scenario: waits for its manifest, has the root collector (and,
# except for scale, the unprivileged one) collect, captures the raw kernel files of the workload's
# processes (capture-tree.py; not for scale), stops the workload, and has the root collector collect
# again. The collectors are separate processes from the workload. Comparison happens on the host
# afterwards (verify-workload).
main() {
out=$1; cp=$2; cds=$3; shift 3
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
[ -f "$here/capture-tree.py" ] || here=$repo/bench/vm
jopts="-XX:TieredStopAtLevel=1 -Xshare:auto -XX:+UseSerialGC"
cmain=dev.gemscope.backend.cli.Main
# AppCDS archives trained on the host (run-workload-proof.sh), where present.
jsa() { [ -f "$cds/$1.jsa" ] && echo "-XX:SharedArchiveFile=$cds/$1.jsa"; }
copts="$jopts $(jsa collect)"
wopts="$jopts $(jsa workload)"
[ -f "$cds/child.jsa" ] && wopts="$wopts -Dgemscope.workload.childJvmOptions=-XX:SharedArchiveFile=$cds/child.jsa"
nobody=65534
status=0
T0=$(date +%s)

mkfifo /tmp/collect-root /tmp/collect-nobody || exit 125
java $copts -cp "$cp" $cmain collect --each-line < /tmp/collect-root 2> "$out/collect-root.log" &
croot=$!
# The 9p share is root's (mode 755): the ordinary user writes to tmpfs, root copies it over.
setpriv --reuid=$nobody --regid=$nobody --clear-groups \
    java $copts -cp "$cp" $cmain collect --each-line < /tmp/collect-nobody 2> "$out/collect-nobody.log" &
cnobody=$!
exec 3> /tmp/collect-root 4> /tmp/collect-nobody
# collect FD PID FILE: asks a collector for one snapshot and waits until it is written.
collect() {
    rm -f "$3"
    echo "$3" >&$1
    while [ ! -f "$3" ] && kill -0 "$2" 2>/dev/null; do sleep 0.2; done
    [ -f "$3" ]
}

# One coordinator for all scenarios, one after the other (each with its own manifest and stop file).
wargs=""
for sc in "$@"; do
    rm -rf "${out:?}/$sc"; mkdir -p "$out/$sc"
    wargs="$wargs --scenario $repo/resources/workloads/$sc.json --manifest $out/$sc/manifest.json --stop-file $out/$sc/stop"
done
t0=$(date +%s)
java $wopts -cp "$cp" $cmain workload $wargs 2>"$out/workload.log" &
wpid=$!
stopped() { grep -q "^workload: $1 stopped;" "$out/workload.log"; }
for sc in "$@"; do
    d="$out/$sc"
    while [ ! -f "$d/manifest.json" ] && ! stopped "$sc" && kill -0 $wpid 2>/dev/null; do sleep 0.2; done
    if [ ! -f "$d/manifest.json" ]; then
        echo "workload-guest: $sc: no manifest"; tail -20 "$out/workload.log"; touch "$d/stop"; status=1; t0=$(date +%s); continue
    fi
    t1=$(date +%s)
    collect 3 $croot "$d/snapshot.json" || { echo "workload-guest: root collector died"; status=1; }
    t2=$(date +%s)
    tu=$t2
    if [ "$sc" != scale ]; then
        collect 4 $cnobody "/tmp/unprivileged-$sc.json" && cp "/tmp/unprivileged-$sc.json" "$d/unprivileged.json" \
            || { echo "workload-guest: unprivileged collector died"; status=1; }
        tu=$(date +%s)
        pids=$(python3 -c 'import json,sys; print(" ".join(str(p["pid"]) for p in json.load(open(sys.argv[1]))["processes"]))' "$d/manifest.json")
        # Into tmpfs, then one tar file onto the 9p share (hundreds of small 9p writes took ~100 s);
        # the host unpacks it into $d/root.
        rm -rf "/tmp/capture-$sc"
        python3 -S -E "$here/capture-tree.py" "/tmp/capture-$sc" $pids && tar -cf "$d/root.tar" -C "/tmp/capture-$sc" .
    fi
    t3=$(date +%s)
    touch "$d/stop"
    while ! stopped "$sc" && kill -0 $wpid 2>/dev/null; do sleep 0.2; done
    grep "^workload: $sc stopped;" "$out/workload.log"
    grep -q "^workload: $sc stopped; dma-bufs in the system: \([0-9-]*\) before, \1 after" "$out/workload.log" || status=1
    collect 3 $croot "$d/after.json" || { echo "workload-guest: root collector died"; status=1; }
    t4=$(date +%s)
    echo "workload-guest: $sc: build+manifest $((t1-t0)) s, collect $((t2-t1)) s, unprivileged collect $((tu-t2)) s, capture $((t3-tu)) s, stop+collect $((t4-t3)) s"
    t0=$t4
done
wait $wpid; ws=$?
echo "workload-guest: workload exit $ws"
[ $ws -eq 0 ] || status=1
exec 3>&- 4>&-
wait $croot || status=1
wait $cnobody
echo "workload-guest: all scenarios in $(( $(date +%s) - T0 )) s"
return $status
}
main "$@"; exit $?
