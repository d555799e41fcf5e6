#!/bin/bash
# selftest.sh [KERNEL...]   (default: 6.1 6.12 sid)
#
# Checks the bench itself, on every kernel given:
#   - the DRM / dma-buf devices and debugfs are there, and java runs in the guest
#   - CMD's exit status comes back (`false` -> 1)
# and once:
#   - a command outliving --timeout 20 is killed: exit 124, and no QEMU is left running.
# Prints one "ok"/"FAIL" line per check and a closing "N passed, N failed" line; exits 1 on a failure.
set -u -o pipefail
HERE=$(dirname "$(readlink -f "$0")")
RUN="$HERE/run-in-vm.sh"
KERNELS=("$@"); [ ${#KERNELS[@]} -gt 0 ] || KERNELS=(6.1 6.12 sid)
PASS=0 FAIL=0
check() {  # check NAME EXPECTED_STATUS ACTUAL_STATUS
    if [ "$2" = "$3" ]; then echo "ok   $1"; PASS=$((PASS + 1))
    else echo "FAIL $1 (exit $3, expected $2)"; FAIL=$((FAIL + 1)); fi
}
qemus() { pgrep -c -f '^qemu-system-x86_64 .*/gemscope-vm\.' || true; }   # this bench's QEMUs only

for k in "${KERNELS[@]}"; do
    echo "---- $k"
    "$RUN" --kernel "$k" -- sh -c 'uname -r; ls -l /dev/dri /dev/udmabuf /dev/dma_heap; cat /sys/kernel/debug/dri/*/name; java -version'
    # the exit status of `ls` is 2 where udmabuf/dma_heap are missing; what matters: the VM ran it
    rc=$?; check "$k: devices listed, java ran" ok "$([ "$rc" -lt 124 ] && echo ok || echo "$rc")"
    "$RUN" --kernel "$k" -- test -c /dev/dri/card0 -a -c /dev/dri/renderD128 -a -r /sys/kernel/debug/dri/0/name
    check "$k: vgem card + render node + debugfs" 0 $?
    "$RUN" --kernel "$k" -- false
    check "$k: false exits 1" 1 $?
done

before=$(qemus)
"$RUN" --kernel "${KERNELS[0]}" --timeout 20 -- sh -c 'echo sleeping 60 s; sleep 60; echo not reached'
check "timeout: exit 124" 124 $?
sleep 1
check "timeout: no QEMU left" "$before" "$(qemus)"

echo "selftest: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
