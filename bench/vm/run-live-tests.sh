#!/usr/bin/env bash
# run-live-tests.sh [KERNEL...]   (default: 6.1 6.12 sid)
#
# Runs gemscope's live tests (classes named *Live, tagged "live") inside a QEMU VM on each stock
# Debian kernel, one JVM per kernel with all live tests in it. The class path is built on the host
# (Maven never runs in the guest: it is 20-30x slower there). Each kernel's JUnit XML reports land in
# backend/target/live-reports/<kernel>/ and a per-kernel summary line with the wall time is printed.
# Exit status: 0 only if every kernel ran and passed.
set -u -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
kernels=("$@")
[ ${#kernels[@]} -gt 0 ] || kernels=(6.1 6.12 sid)
console_version=${JUNIT_CONSOLE_VERSION:-1.14.4}
out="$repo/backend/target/live"
mkdir -p "$out"

cd "$repo" || exit 2
[ -d backend/target/test-classes ] || { echo "run-live-tests: build first (mvn -B verify)" >&2; exit 2; }

# The console launcher bundles JUnit itself, so JUnit's own jars are left out of the class path
# (two copies of the Jupiter engine would refuse to start).
mvn -B -q -o -pl backend dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.excludeGroupIds=org.junit.jupiter,org.junit.platform,org.opentest4j,org.apiguardian \
    -Dmdep.outputFile="$out/classpath.txt" >/dev/null || { echo "run-live-tests: class path failed" >&2; exit 2; }
mvn -B -q -o dependency:copy -Dartifact="org.junit.platform:junit-platform-console-standalone:$console_version" \
    -DoutputDirectory="$out" >/dev/null 2>&1 \
  || mvn -B -q dependency:copy -Dartifact="org.junit.platform:junit-platform-console-standalone:$console_version" \
    -DoutputDirectory="$out" >/dev/null || { echo "run-live-tests: console launcher download failed" >&2; exit 2; }
launcher="$out/junit-platform-console-standalone-$console_version.jar"
classpath="$repo/backend/target/test-classes:$repo/backend/target/classes:$(cat "$out/classpath.txt")"

failed=0
passed=0
failures=0
summary=()
for k in "${kernels[@]}"; do
    reports="$repo/backend/target/live-reports/$k"
    rm -rf "$reports"; mkdir -p "$reports"
    echo "=== live tests on kernel $k"
    start=$(date +%s)
    # C1 only: the guest JVM runs under TCG, where C2 compilation costs more than it saves.
    "$here/run-in-vm.sh" --kernel "$k" --timeout "${LIVE_TIMEOUT:-1500}" -- \
        java -XX:TieredStopAtLevel=1 -Xshare:auto -jar "$launcher" execute \
            --class-path "$classpath" \
            --select-package dev.gemscope.backend.drm.live \
            --include-classname '.*Live' \
            --include-tag live \
            --fail-if-no-tests \
            --details tree --disable-banner \
            --reports-dir "$reports" 2>&1 | tee "$reports/output.txt"
    status=${PIPESTATUS[0]}
    wall=$(( $(date +%s) - start ))
    release=$(grep -o 'run-in-vm: kernel [^,]*' "$reports/output.txt" | tail -1 | cut -d' ' -f3)
    counts=$(grep -E '^\[ +[0-9]+ tests (successful|failed|skipped|aborted) +\]' "$reports/output.txt" \
             | sed -E 's/^\[ +([0-9]+) tests ([a-z]+).*/\1 \2/' | paste -sd, -)
    summary+=("kernel $k ($release): exit $status, ${counts:-no test counts}, wall ${wall} s")
    ok=$(grep -E '^\[ +[0-9]+ tests successful' "$reports/output.txt" | grep -oE '[0-9]+' | head -1)
    bad=$(grep -E '^\[ +[0-9]+ tests failed' "$reports/output.txt" | grep -oE '[0-9]+' | head -1)
    passed=$(( passed + ${ok:-0} ))
    # A kernel whose run ended without counts (VM failure, timeout) counts as one failure.
    if [ -z "$bad" ] && [ "$status" -ne 0 ]; then bad=1; fi
    failures=$(( failures + ${bad:-0} ))
    [ "$status" -eq 0 ] || failed=1
done

echo
echo "=== live test summary"
printf '%s\n' "${summary[@]}"
echo "live: $passed passed, $failures failed"
exit $failed
