#!/bin/busybox sh
# /init of the initramfs built by fetch-kernel.sh (busybox-static + a few .ko files).
#
# 1. loads the modules listed in /modules.order (dependencies first; "mod.param=val" on the kernel
#    command line are passed to insmod, since busybox insmod does not read /proc/cmdline itself)
# 2. sends everything from here on to the virtio-serial ports "out" and "err" (run-in-vm.sh's stdout
#    and stderr on the host)
# 3. builds the root: the host's / over 9p read-only + a tmpfs overlay, so the guest may write
#    anywhere; the host's working directory (and VM_RW_DIRS) read-write over 9p at the same paths;
#    proc, sys, dev, debugfs, tracefs
# 4. runs /run/vm/cmd.sh (written by run-in-vm.sh) as root in a chroot, writes its exit status to
#    the shared run directory, and powers off.
/bin/busybox mkdir -p /proc /sys /dev /tmp /lower /ovl /newroot /vmrun
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
stamp() { echo "$1 $(cut -d' ' -f1 /proc/uptime)" >> /tmp/times; }
stamp init-start
off() { sync; poweroff -f; sleep 5; echo o > /proc/sysrq-trigger; }
say() { echo "vm-init: $*" > /dev/ttyS0; }     # serial console: ends up in run-in-vm's console.log

: > /tmp/modules.log
for m in $(cat /modules.order); do
    # shellcheck disable=SC2046  # word splitting of the parameters is intended
    if insmod /lib/modules/$m.ko $(tr ' ' '\n' < /proc/cmdline | sed -n "s/^$m\.//p") 2>/tmp/insmod.err
    then echo "loaded $m" >> /tmp/modules.log
    else echo "FAILED $m: $(cat /tmp/insmod.err)" >> /tmp/modules.log; say "insmod $m failed: $(cat /tmp/insmod.err)"
    fi
done
stamp modules-loaded

# virtio-serial ports are plain char devices (no tty layer): byte-exact output, no \n -> \r\n,
# and ~100x faster than hvc/ttyS under TCG.
port() { for d in /sys/class/virtio-ports/*; do [ "$(cat $d/name 2>/dev/null)" = "$1" ] && echo /dev/${d##*/}; done; }
i=0; while { [ -z "$(port out)" ] || [ -z "$(port err)" ]; } && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
OUT=$(port out); ERR=$(port err)
i=0; while [ ! -c "$ERR" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
exec </dev/null >"$OUT" 2>"$ERR" || { say "no virtio-serial ports (out=$OUT err=$ERR)"; off; }

M9="trans=virtio,version=9p2000.L,msize=512000"
mount -t 9p -o $M9,rw vmrun /vmrun || { say "mount vmrun failed"; off; }
fail() {
    echo "run-in-vm(guest): $*" >&2
    cp /tmp/times /tmp/modules.log /vmrun/ 2>/dev/null; dmesg > /vmrun/dmesg
    echo 125 > /vmrun/rc; off
}
mount -t 9p -o $M9,ro,cache=loose hostroot /lower || fail "mount of the host root failed"
mount -t tmpfs -o mode=755 tmpfs /ovl && mkdir -p /ovl/upper /ovl/work
if ! mount -t overlay overlay -o lowerdir=/lower,upperdir=/ovl/upper,workdir=/ovl/work /newroot 2>/tmp/ovl.err; then
    say "overlay failed ($(cat /tmp/ovl.err)), using a read-only root + tmpfs /tmp"
    mount --bind /lower /newroot && mount -t tmpfs tmpfs /newroot/tmp
fi
R=/newroot
mount -t proc proc $R/proc
mount -t sysfs sysfs $R/sys
mount -t debugfs debugfs $R/sys/kernel/debug || say "debugfs mount failed"
mount -t tracefs tracefs $R/sys/kernel/tracing 2>/dev/null || say "tracefs mount failed"
mount -t devtmpfs devtmpfs $R/dev
mkdir -p $R/dev/pts $R/dev/shm
mount -t devpts devpts $R/dev/pts
mount -t tmpfs tmpfs $R/dev/shm
mount -t tmpfs tmpfs $R/run
mount -t tmpfs tmpfs $R/tmp
mkdir -p $R/run/vm && mount --bind /vmrun $R/run/vm
while read -r tag dir; do
    mkdir -p "$R$dir" 2>/dev/null
    mount -t 9p -o $M9,rw "$tag" "$R$dir" || fail "mount of $dir (read-write) failed"
done < /vmrun/rw.list
hostname vm 2>/dev/null
stamp cmd-start
chroot $R /bin/bash /run/vm/cmd.sh
RC=$?
stamp cmd-end
cp /tmp/times /tmp/modules.log /vmrun/
grep -q 'vm.debug=1' /proc/cmdline && dmesg > /vmrun/dmesg
echo $RC > /vmrun/rc
umount $R/run/vm 2>/dev/null
while read -r tag dir; do umount "$R$dir" 2>/dev/null; done < /vmrun/rw.list
sync
off
