#!/bin/sh
# workload-guest.sh OUT CLASSPATH SCENARIO...   (runs as root in the VM, from run-workload-proof.sh)
#
# Per scenario: starts `gemscope workload` (coordinator + one child JVM per process), waits for its
# manifest, runs `gemscope collect` as a separate process, captures the raw kernel files of the
# workload's processes (capture-tree.py), stops the workload, and collects again. Comparison happens
# on the host afterwards (verify-workload): no JVM is spent on it here.
out=$1; cp=$2; shift 2
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
jopts="-XX:TieredStopAtLevel=1 -Xshare:auto -XX:+UseSerialGC"
main=dev.gemscope.backend.cli.Main
status=0
for sc in "$@"; do
    d="$out/$sc"
    rm -rf "$d"; mkdir -p "$d"
    t0=$(date +%s)
    java $jopts -cp "$cp" $main workload --scenario "$repo/resources/workloads/$sc.json" \
        --manifest "$d/manifest.json" --stop-file "$d/stop" 2>"$d/workload.log" &
    wpid=$!
    n=0
    while [ ! -f "$d/manifest.json" ] && kill -0 $wpid 2>/dev/null && [ $n -lt 1800 ]; do sleep 0.2; n=$((n+1)); done
    if [ ! -f "$d/manifest.json" ]; then
        echo "workload-guest: $sc: no manifest"; cat "$d/workload.log"; touch "$d/stop"; wait $wpid; status=1; continue
    fi
    t1=$(date +%s)
    java $jopts -cp "$cp" $main collect -o "$d/snapshot.json" 2>"$d/collect.log"
    pids=$(sed -n 's/^workload: process [^ ]* is pid \([0-9]*\)$/\1/p' "$d/workload.log")
    python3 "$here/capture-tree.py" "$d/root" $pids
    t2=$(date +%s)
    touch "$d/stop"
    wait $wpid; ws=$?
    java $jopts -cp "$cp" $main collect -o "$d/after.json" 2>"$d/collect-after.log"
    t3=$(date +%s)
    echo "workload-guest: $sc: workload exit $ws; build+manifest $((t1-t0)) s, collect+capture $((t2-t1)) s, stop+collect $((t3-t2)) s"
    tail -3 "$d/workload.log"
    [ $ws -eq 0 ] || status=1
done
exit $status
