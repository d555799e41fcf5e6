#!/usr/bin/env bash
# run-workload-proof.sh [KERNEL...]   (default: 6.1 6.12 sid)
#
# The proof of issue 4: on each kernel, in the QEMU bench, builds each workload scenario (offload,
# leak), collects a snapshot with `gemscope collect` as a separate process while it holds, stops it,
# collects again; then, on the host, `gemscope verify-workload` compares each snapshot with the
# manifest exactly. Raw kernel files are captured under backend/target/workload/<kernel>/<scenario>/root
# (fixture material). Exit 0 only if every kernel ran and every comparison passed.
set -u -o pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
kernels=("$@")
[ ${#kernels[@]} -gt 0 ] || kernels=(6.1 6.12 sid)
scenarios=(${WORKLOAD_SCENARIOS:-offload leak})
cd "$repo" || exit 2
[ -d backend/target/classes ] || { echo "run-workload-proof: build first (mvn -B verify)" >&2; exit 2; }
out="$repo/backend/target/workload"
mkdir -p "$out"
mvn -B -q -o -pl backend dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$out/classpath.txt" >/dev/null || { echo "run-workload-proof: class path failed" >&2; exit 2; }
# A private copy of the classes: a host build during the (minutes-long) VM runs must not change them.
rm -rf "$out/classes"; cp -r "$repo/backend/target/classes" "$out/classes"
cp="$out/classes:$(cat "$out/classpath.txt")"
failed=0
summary=()
for k in "${kernels[@]}"; do
    echo "=== workload proof on kernel $k"
    rm -rf "$out/$k"; mkdir -p "$out/$k"
    start=$(date +%s)
    "$here/run-in-vm.sh" --kernel "$k" --timeout "${WORKLOAD_TIMEOUT:-1200}" -- \
        "$here/workload-guest.sh" "$out/$k" "$cp" "${scenarios[@]}" 2>&1 | tee "$out/$k/vm.txt"
    status=${PIPESTATUS[0]}
    wall=$(( $(date +%s) - start ))
    release=$(grep -o 'run-in-vm: kernel [^,]*' "$out/$k/vm.txt" | tail -1 | cut -d' ' -f3)
    result="kernel $k (${release:-?}): vm exit $status, wall ${wall} s"
    [ "$status" -eq 0 ] || failed=1
    for sc in "${scenarios[@]}"; do
        d="$out/$k/$sc"
        if [ -f "$d/manifest.json" ] && [ -f "$d/snapshot.json" ]; then
            java -cp "$cp" dev.gemscope.backend.cli.Main verify-workload -v --manifest "$d/manifest.json" \
                --snapshot "$d/snapshot.json" --after "$d/after.json" > "$d/verify.txt" 2>&1
            v=$?
            grep -v '^ok ' "$d/verify.txt"
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
