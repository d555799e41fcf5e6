#!/usr/bin/env bash
# run-workload-proof.sh [KERNEL...]   (default: 6.1 6.12 sid)
#
# The proof of issue 4: on each kernel, in ONE QEMU boot, builds each workload scenario (offload,
# compositor, leak, scale; WORKLOAD_SCENARIOS overrides) and has `gemscope collect` (a separate,
# long-lived process) collect while it holds, as root and as an ordinary user, stops it, collects
# again; then, on the host, `gemscope verify-workload` compares each snapshot with the manifest
# exactly. Raw kernel files are captured under backend/target/workload/<kernel>/<scenario>/root
# (fixture material: bench/vm/make-workload-fixture.py). Prints a per-kernel summary with wall times.
# Exit 0 only if every kernel ran and every comparison passed.
# Environment: WORKLOAD_SCENARIOS (space-separated), WORKLOAD_OUT (default backend/target/workload;
# must be under the repository, which the guest mounts read-write), WORKLOAD_TIMEOUT (VM seconds,
# default 2400), WORKLOAD_CDS=0 (no AppCDS archives).
set -u -o pipefail
# One block: bash parses all of it before running any, so editing this file during a run is safe.
{
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
kernels=("$@")
[ ${#kernels[@]} -gt 0 ] || kernels=(6.1 6.12 sid)
read -r -a scenarios <<< "${WORKLOAD_SCENARIOS:-offload compositor leak scale}"
cd "$repo" || exit 2
[ -d backend/target/classes ] || { echo "run-workload-proof: build first (mvn -B verify)" >&2; exit 2; }
out="${WORKLOAD_OUT:-$repo/backend/target/workload}"
mkdir -p "$out"
mvn -B -q -o -pl backend dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$out/classpath.txt" >/dev/null || { echo "run-workload-proof: class path failed" >&2; exit 2; }
# Private copies of the classes (as a jar), the dependencies and the guest scripts: a host build or
# an edit during the (minutes-long) VM runs must not change them. AppCDS archives only classes from
# jars, never from a directory; the guest's ordinary user cannot read ~/.m2 under root's 0700 home.
rm -rf "$out/classes" "$out/cds" "$out/lib" "$out/bench"; mkdir -p "$out/cds" "$out/lib" "$out/bench/vm"
jar cf "$out/gemscope-backend.jar" -C "$repo/backend/target/classes" . || { echo "run-workload-proof: jar failed" >&2; exit 2; }
cp "$here/workload-guest.sh" "$here/capture-tree.py" "$out/bench/vm/"
ln -sfn "$repo/resources" "$out/resources"
cp="$out/gemscope-backend.jar"
IFS=: read -r -a deps < "$out/classpath.txt"
for j in "${deps[@]}"; do
    cp "$j" "$out/lib/" || exit 2
    cp+=":$out/lib/${j##*/}"
done
# AppCDS, trained on the host: the guest runs the host's own java with the same class path (same
# paths over 9p), so archives dumped here are valid there and spare every guest JVM most of its
# class loading and verification, which dominates under TCG (README "Workload proof").
# collect.jsa from a host collection; workload.jsa and child.jsa from a host run of an empty
# scenario (one child that starts, reports and stops). A failed training only costs speed
# (-Xshare:auto falls back to the jars).
train() {
    printf '{"name":"train","processes":["p"],"steps":[]}\n' > "$out/cds/train.json"
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$out/cds/collect.jsa" \
        -cp "$cp" dev.gemscope.backend.cli.Main collect -o "$out/cds/train-snapshot.json" >/dev/null 2>&1
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$out/cds/workload.jsa" \
        -Dgemscope.workload.childJvmOptions="-XX:ArchiveClassesAtExit=$out/cds/child.jsa" \
        -cp "$cp" dev.gemscope.backend.cli.Main workload --scenario "$out/cds/train.json" \
        --manifest "$out/cds/train-manifest.json" >/dev/null 2>&1
    ls "$out"/cds/*.jsa 2>/dev/null | wc -l
}
[ "${WORKLOAD_CDS:-1}" = 1 ] && echo "run-workload-proof: $(train) AppCDS archives trained on the host"
chmod -R a+rX "$out"

failed=0
summary=()
for k in "${kernels[@]}"; do
    echo "=== workload proof on kernel $k ($(cut -d' ' -f1-3 /proc/loadavg) load average at start)"
    rm -rf "${out:?}/$k"; mkdir -p "$out/$k"
    start=$(date +%s)
    "$here/run-in-vm.sh" --kernel "$k" --timeout "${WORKLOAD_TIMEOUT:-2400}" -- \
        "$out/bench/vm/workload-guest.sh" "$out/$k" "$cp" "$out/cds" "${scenarios[@]}" 2>&1 | tee "$out/$k/vm.txt"
    status=${PIPESTATUS[0]}
    wall=$(( $(date +%s) - start ))
    release=$(grep -o 'run-in-vm: kernel [^,]*' "$out/$k/vm.txt" | tail -1 | cut -d' ' -f3)
    result="kernel $k (${release:-?}): vm exit $status, wall ${wall} s, load $(cut -d' ' -f1 /proc/loadavg)"
    [ "$status" -eq 0 ] || failed=1
    for sc in "${scenarios[@]}"; do
        d="$out/$k/$sc"
        if [ -f "$d/root.tar" ]; then
            rm -rf "$d/root"; mkdir -p "$d/root" && tar -xf "$d/root.tar" -C "$d/root" && rm -f "$d/root.tar"
        fi
        if [ -f "$d/manifest.json" ] && [ -f "$d/snapshot.json" ] && [ -f "$d/after.json" ]; then
            unpriv=(); [ "$sc" != scale ] && unpriv=(--unprivileged "$d/unprivileged.json")
            java -cp "$cp" dev.gemscope.backend.cli.Main verify-workload -v --manifest "$d/manifest.json" \
                --snapshot "$d/snapshot.json" --after "$d/after.json" "${unpriv[@]}" > "$d/verify.txt" 2>&1
            v=$?
            grep -v '^ok ' "$d/verify.txt" | head -40
            result+="; $sc: $(tail -1 "$d/verify.txt" | sed 's/.*: //')"
            [ $v -eq 0 ] || failed=1
        else
            result+="; $sc: no manifest/snapshot"
            failed=1
        fi
    done
    summary+=("$result")
done
echo
echo "=== workload proof summary"
printf '%s\n' "${summary[@]}"
exit $failed
}
