#!/bin/bash
# run-in-vm.sh [--kernel <6.1|6.12|sid>] [--timeout S] [--] CMD [ARGS...]
#
# Boots a stock Debian kernel under qemu-system-x86_64 (TCG) with real DRM devices (vgem and a
# virtio-gpu-pci device, plus udmabuf and dma-heaps where the kernel has them), debugfs and
# tracefs mounted, and runs CMD as root in the current directory:
#   - the guest's / is the host's / over 9p, read-only, with a tmpfs overlay (writes stay in RAM),
#     so the guest runs the host's own java and the jars the host just built;
#   - the current directory (and any VM_RW_DIRS) is mounted read-write at the same path;
#   - CMD's stdout/stderr are streamed back over two virtio-serial ports; its stdin is /dev/null.
# Exit status: CMD's; 124 = timed out (QEMU killed); 125 = VM/infrastructure failure; 130 = Ctrl-C.
# Last line on stderr, always:  run-in-vm: kernel <uname -r>, wall <s> s, exit <status>
#
# The kernel, its initramfs and the host packages are prepared by fetch-kernel.sh (cached under
# ~/.cache/gemscope-vm/<kernel>/; only the first run downloads).
#
# Environment:
#   VM_KERNEL     kernel when --kernel is not given         (default 6.12)
#   VM_TIMEOUT    seconds when --timeout is not given        (default 900; boot included)
#   VM_MEM        guest RAM                                  (default 2G)
#   VM_SMP        guest vCPUs            (default 1 with QEMU < 8, else min(nproc, 4); see README)
#   VM_QEMU_ROOT  root of a QEMU unpacked with dpkg -x (qemu-system-x86, -common, -data, seabios),
#                 used instead of the installed qemu-system-x86_64
#   VM_RW_DIRS    ':'-separated host dirs mounted read-write  (default: the current directory)
#   VM_ENV        names of extra environment variables to pass to CMD (PATH, HOME, LANG, LC_ALL,
#                 JAVA_HOME, JAVA_TOOL_OPTIONS, MAVEN_OPTS and TERM always are)
#   VM_MODULES    extra guest modules (e.g. "qxl bochs"), VM_QEMU_ARGS extra QEMU arguments
#                 (e.g. "-device qxl -device bochs-display"), VM_APPEND extra kernel command line
#   VM_DEBUG=1    kernel console, guest module log and boot timings on stderr
#   GEMSCOPE_VM_CACHE and the rest: see fetch-kernel.sh
set -u -o pipefail
# The whole script is one { } block: bash parses all of it before running any, so editing this
# file while a VM runs cannot break that run.
{
T_START=$EPOCHREALTIME
HERE=$(dirname "$(readlink -f "$0")")
KSEL=${VM_KERNEL:-6.12}
TIMEOUT=${VM_TIMEOUT:-900}
KVER=
RC=125

usage() {
    echo "usage: $0 [--kernel <6.1|6.12|sid>] [--timeout SECONDS] [--] CMD [ARGS...]" >&2
    exit 125
}

# ------------------------------------------------------------------ arguments
while [ $# -gt 0 ]; do
    case "$1" in
        --kernel)    [ $# -ge 2 ] || usage; KSEL=$2; shift 2 ;;
        --kernel=*)  KSEL=${1#*=}; shift ;;
        --timeout)   [ $# -ge 2 ] || usage; TIMEOUT=$2; shift 2 ;;
        --timeout=*) TIMEOUT=${1#*=}; shift ;;
        -h|--help)   sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 0 ;;
        --)          shift; break ;;
        -*)          echo "run-in-vm: unknown option $1" >&2; usage ;;
        *)           break ;;
    esac
done
[ $# -ge 1 ] || usage
if ! [[ $TIMEOUT =~ ^[0-9]+$ ]] || [ "$TIMEOUT" -eq 0 ]; then echo "run-in-vm: bad --timeout '$TIMEOUT'" >&2; usage; fi

# ------------------------------------------------------------------ cleanup: nothing outlives us
QPID='' SPID='' TAILS='' RUN=''
kill_qemu() {
    [ -n "$QPID" ] || return 0
    kill -TERM "$QPID" 2>/dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$QPID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$QPID" 2>/dev/null
    wait "$QPID" 2>/dev/null
    QPID=
}
# shellcheck disable=SC2317  # called from the EXIT trap
finish() {
    kill_qemu
    local p; for p in $SPID $TAILS; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
    [ -n "$RUN" ] && rm -rf "$RUN"
    local wall; wall=$(awk -v a="$T_START" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
    echo "run-in-vm: kernel ${KVER:-$KSEL}, wall $wall s, exit $RC" >&2
    exit "$RC"
}
trap finish EXIT
trap 'RC=130; exit 130' INT
trap 'RC=143; exit 143' TERM HUP

die() { echo "run-in-vm: $*" >&2; RC=125; exit 125; }

# ------------------------------------------------------------------ kernel + initramfs (cached)
PREP=$("$HERE/fetch-kernel.sh" "$KSEL") || die "preparing kernel $KSEL failed"
KIMG=$(sed -n 's/^kernel=//p' <<<"$PREP"); INITRD=$(sed -n 's/^initrd=//p' <<<"$PREP")
KVER=$(sed -n 's/^kver=//p' <<<"$PREP")
[ "${VM_BZIMAGE:-0}" = 1 ] && KIMG=${KIMG%/*}/vmlinuz   # debugging: boot the bzImage via SeaBIOS

# ------------------------------------------------------------------ QEMU
QEMU=qemu-system-x86_64
QEMU_L=()
if [ -n "${VM_QEMU_ROOT:-}" ]; then
    # a QEMU unpacked with dpkg -x: point it at its own loadable modules (virtio-gpu is one) and firmware
    QEMU="$VM_QEMU_ROOT/usr/bin/qemu-system-x86_64"
    export QEMU_MODULE_DIR="$VM_QEMU_ROOT/usr/lib/x86_64-linux-gnu/qemu"
    QEMU_L=(-L "$VM_QEMU_ROOT/usr/share/qemu" -L "$VM_QEMU_ROOT/usr/share/seabios")
fi
command -v "$QEMU" >/dev/null || die "$QEMU not found"
QVER=$("$QEMU" --version | awk '/version/ { split($4, v, "."); print v[1]; exit }')
# QEMU 7.2's multi-threaded TCG crashed guest JVMs (SIGSEGV in JIT code) in 3 of 11 runs with 2
# vCPUs, 0 of 6 with 1 vCPU; QEMU 10 with 2 vCPUs: 0 of 6. So 1 vCPU unless QEMU >= 8.
NPROC=$(nproc)
SMP=${VM_SMP:-$(( QVER >= 8 ? (NPROC > 4 ? 4 : NPROC) : 1 ))}
MEM=${VM_MEM:-2G}
# KVM does not work on these machines (paravirtual /dev/kvm, no vmx/svm); TCG is the default.
ACCEL=${VM_ACCEL:-tcg}; CPU=max; [ "$ACCEL" = kvm ] && CPU=host

# ------------------------------------------------------------------ the run directory (shared with the guest)
RUN=$(mktemp -d "${TMPDIR:-/tmp}/gemscope-vm.XXXXXX") || die mktemp
mkdir -p "$RUN/share"
# cmd.sh: the environment worth keeping, the working directory, then CMD (exec'd, quoted exactly)
{
    echo '#!/bin/bash'
    for v in PATH HOME LANG LC_ALL JAVA_HOME JAVA_TOOL_OPTIONS MAVEN_OPTS TERM ${VM_ENV:-}; do
        [ -n "${!v+x}" ] && printf 'export %s=%q\n' "$v" "${!v}"
    done
    printf 'cd %q || exit 125\n' "$PWD"
    printf 'exec'; printf ' %q' "$@"; printf '\n'
} > "$RUN/share/cmd.sh"

# 9p shares: host root (read-only), the run dir, and the read-write dirs (listed for the guest in rw.list)
qopt() { printf '%s' "${1//,/,,}"; }   # a path inside a QEMU option: commas are doubled
VIRTFS=(-virtfs "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap"
        -virtfs "local,path=$(qopt "$RUN/share"),mount_tag=vmrun,security_model=none,multidevs=remap")
RW=${VM_RW_DIRS-$([ "$PWD" != / ] && echo "$PWD")}
: > "$RUN/share/rw.list"
i=0
IFS=: read -r -a RWA <<< "$RW"
for d in "${RWA[@]}"; do
    [ -n "$d" ] || continue
    d=$(readlink -f "$d"); [ -d "$d" ] || die "VM_RW_DIRS: $d is not a directory"
    VIRTFS+=(-virtfs "local,path=$(qopt "$d"),mount_tag=rw$i,security_model=none,multidevs=remap")
    echo "rw$i $d" >> "$RUN/share/rw.list"; i=$((i + 1))
done

# ------------------------------------------------------------------ boot
# CMD's stdout/stderr: guest virtio-serial ports "out"/"err" -> QEMU file chardevs -> plain files
# here, streamed to our stdout/stderr by tail -f. A file never blocks QEMU, so nothing is lost when
# the guest powers off; tail --pid drains what is left and ends once QEMU has exited.
: > "$RUN/out"; : > "$RUN/err"
APPEND="console=ttyS0 panic=-1 loglevel=${VM_LOGLEVEL:-4} acpi=noirq mitigations=off cryptomgr.notests ${VM_APPEND:-}"
[ "${VM_DEBUG:-0}" = 1 ] && APPEND="$APPEND vm.debug=1"
# Every helper process is started under `setpriv --pdeathsig KILL`: it is killed by the kernel if
# this script dies in a way no trap sees (kill -9). QEMU also gets its own session (setsid): a
# Ctrl-C on the terminal then reaches only this script, whose trap stops QEMU, instead of QEMU
# quitting by itself and the run looking like a VM failure.
GUARD=(); setpriv --help 2>/dev/null | grep -q pdeathsig && GUARD=(setpriv --pdeathsig KILL --)
# shellcheck disable=SC2086  # VM_QEMU_ARGS is meant to be word-split
setsid -w "${GUARD[@]}" "$QEMU" -nodefaults -no-user-config -machine pc -accel "$ACCEL" -cpu "$CPU" -m "$MEM" -smp "$SMP" \
    -display none -vga none -no-reboot "${QEMU_L[@]}" \
    -kernel "$KIMG" -initrd "$INITRD" -append "$APPEND" -serial "file:$(qopt "$RUN/console.log")" \
    "${VIRTFS[@]}" \
    -device virtio-serial-pci \
    -chardev "file,id=vout,path=$(qopt "$RUN/out"),append=on" -device virtserialport,chardev=vout,name=out,nr=1 \
    -chardev "file,id=verr,path=$(qopt "$RUN/err"),append=on" -device virtserialport,chardev=verr,name=err,nr=2 \
    -device virtio-gpu-pci ${VM_QEMU_ARGS:-} \
    </dev/null >"$RUN/qemu.log" 2>&1 &
QPID=$!
"${GUARD[@]}" tail -q -n +1 -s 0.1 --pid="$QPID" -f "$RUN/out" & TAILS=$!
"${GUARD[@]}" tail -q -n +1 -s 0.1 --pid="$QPID" -f "$RUN/err" >&2 & TAILS="$TAILS $!"
"${GUARD[@]}" sleep "$TIMEOUT" & SPID=$!
T_BOOT=$EPOCHREALTIME

# Whichever ends first: QEMU (the guest powered off) or the timeout's sleep.
wait -n "$QPID" "$SPID" 2>/dev/null
TIMED_OUT=0
if kill -0 "$QPID" 2>/dev/null && ! kill -0 "$SPID" 2>/dev/null; then TIMED_OUT=1; fi
if [ "$TIMED_OUT" = 1 ]; then kill_qemu; else wait "$QPID" 2>/dev/null; QRC=$?; QPID=; fi
T_END=$EPOCHREALTIME
kill "$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null; SPID=
# let the tails drain the rest of the output (they end by themselves, QEMU being gone)
for _ in $(seq 50); do
    alive=0; for p in $TAILS; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break; sleep 0.1
done

# ------------------------------------------------------------------ exit status
dump_logs() {
    echo "---- qemu log" >&2; cat "$RUN/qemu.log" >&2
    echo "---- kernel console (tail)" >&2; tail -n 40 "$RUN/console.log" >&2
    if [ -f "$RUN/share/modules.log" ]; then echo "---- guest modules" >&2; cat "$RUN/share/modules.log" >&2; fi
    if [ -f "$RUN/share/dmesg" ]; then echo "---- guest dmesg (tail)" >&2; tail -n 40 "$RUN/share/dmesg" >&2; fi
}
if [ -s "$RUN/share/rc" ]; then
    RC=$(cat "$RUN/share/rc")
    [ "$RC" = 125 ] && dump_logs
elif [ "$TIMED_OUT" = 1 ]; then
    echo "run-in-vm: timed out after ${TIMEOUT} s, QEMU killed" >&2; RC=124
else
    echo "run-in-vm: the VM ended without reporting an exit status (qemu exit ${QRC:-?})" >&2; RC=125
    dump_logs
fi
if [ "${VM_DEBUG:-0}" = 1 ]; then
    {
        echo "---- kernel console"; cat "$RUN/console.log"
        echo "---- guest modules"; cat "$RUN/share/modules.log" 2>/dev/null
        [ -f "$RUN/share/dmesg" ] && { echo "---- guest dmesg"; cat "$RUN/share/dmesg"; }
        echo "---- guest times (s since kernel start)"; cat "$RUN/share/times" 2>/dev/null
        echo "run-in-vm: qemu $QVER, smp $SMP, mem $MEM, image $(basename "$KIMG"); prepare $(awk -v a="$T_START" -v b="$T_BOOT" 'BEGIN{printf "%.1f", b-a}') s, qemu $(awk -v a="$T_BOOT" -v b="$T_END" 'BEGIN{printf "%.1f", b-a}') s"
    } >&2
fi
exit "$RC"
}
