#!/bin/bash
# fetch-kernel.sh [--refresh] <6.1|6.12|sid>
#
# Prepares (once) everything run-in-vm.sh needs to boot a stock Debian kernel:
#   ~/.cache/gemscope-vm/<kernel>/
#       apt/                private apt configuration (sources.list, state, cache) used only here
#       debs/*.deb          the kernel package(s), downloaded with `apt-get download`
#       package             "name version" of linux-image-<abi> (the resolved, pinned version)
#       kver                `uname -r` of the kernel
#       vmlinux | vmlinuz   kernel image (vmlinux = uncompressed ELF with a PVH entry, boots faster)
#       config              the kernel's .config
#       initramfs-<hash>.gz busybox-static + the guest init + the needed modules
#       initramfs-<hash>.modules  which modules went in / are built in / are absent
# A second call finds everything in the cache and touches no network. --refresh re-resolves the
# kernel package (apt-get update on the private config) and rebuilds if a newer one is out.
#
# On success prints, on stdout, key=value lines for run-in-vm.sh:
#   kernel=<image> initrd=<initramfs> kver=<uname -r> package=<name> version=<debian version>
# Diagnostics go to stderr. Exit 125 on any failure (run-in-vm.sh passes that on as "infra failure").
#
# Environment:
#   GEMSCOPE_VM_CACHE   cache root (default ~/.cache/gemscope-vm)
#   VM_MODULES          extra guest modules to put in the initramfs (space separated, e.g. "qxl bochs")
#   VM_DEBIAN_MIRROR    Debian archive URI to use instead of the machine's own (from /etc/apt)
#   VM_SECURITY_MIRROR  Debian security archive URI to use instead of the machine's own ("none": skip)
#   VM_DEBUG=1          more chatter on stderr
set -euo pipefail
trap 'echo "fetch-kernel: failed (line $LINENO: $BASH_COMMAND)" >&2; exit 125' ERR

HERE=$(dirname "$(readlink -f "$0")")
INIT="$HERE/vm-init.sh"

die() { echo "fetch-kernel: $*" >&2; exit 125; }
T0=$EPOCHREALTIME
say() { echo "fetch-kernel: [$(awk -v a="$T0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%5.1f s", b - a }')] $*" >&2; }
dbg() { if [ "${VM_DEBUG:-0}" = 1 ]; then say "$@"; fi; }

# Modules the guest loads (dependencies are added automatically; absent ones are recorded, not fatal):
# virtio transport + consoles (command output), 9p (host root + working dir), overlay (writable root),
# and the DRM / dma-buf drivers gemscope inspects. udmabuf is not built on Debian's 6.1.
BASE_MODULES="virtio_pci virtio_console 9pnet_virtio 9p overlay vgem virtio_gpu udmabuf"

# ------------------------------------------------------------------ arguments
REFRESH=0
if [ "${1:-}" = --refresh ]; then REFRESH=1; shift; fi
[ $# -eq 1 ] || die "usage: $0 [--refresh] <6.1|6.12|sid>"
KSEL=$1

# Debian suites that carry each kernel line. "main|security": the security suite gets the newest
# point release of a stable kernel before the next point release of the main suite.
case "$KSEL" in
    6.1)  SUITES="bookworm bookworm-updates"; SEC_SUITE=bookworm-security; EXPECT='^linux-image-6\.1\.' ;;
    6.12) SUITES="trixie trixie-updates";     SEC_SUITE=trixie-security;   EXPECT='^linux-image-6\.12\.' ;;
    sid)  SUITES="sid";                       SEC_SUITE=;                  EXPECT='^linux-image-' ;;
    *) die "unknown kernel '$KSEL' (one of: 6.1 6.12 sid)" ;;
esac

CACHE_ROOT=${GEMSCOPE_VM_CACHE:-${HOME:-/root}/.cache/gemscope-vm}
KC="$CACHE_ROOT/$KSEL"
A="$KC/apt"
mkdir -p "$KC" || die "cannot create $KC"

# One preparer per kernel at a time (two runs started together must not both unpack/build).
exec 8>"$KC/.lock"
flock -w 1200 8 || die "timed out waiting for the cache lock $KC/.lock"

# ------------------------------------------------------------------ host tools
# Installs (once) what this script and run-in-vm.sh use, from the machine's own apt sources.
# Only the named packages: never an upgrade of the machine.
ensure_host_tools() {
    local need=()
    command -v qemu-system-x86_64 >/dev/null || need+=(qemu-system-x86)
    dpkg -s busybox-static >/dev/null 2>&1   || need+=(busybox-static)
    command -v xz >/dev/null                 || need+=(xz-utils)
    command -v zstd >/dev/null               || need+=(zstd)
    command -v python3 >/dev/null            || need+=(python3-minimal)
    command -v flock >/dev/null              || need+=(util-linux)
    [ ${#need[@]} -eq 0 ] && return 0
    say "installing host packages: ${need[*]}"
    local inst=(env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 "${need[@]}")
    "${inst[@]}" >&2 || { apt-get update -q >&2 && "${inst[@]}" >&2; } || die "apt-get install ${need[*]} failed"
}

# ------------------------------------------------------------------ the machine's Debian mirror
# Prints "URI SUITE SIGNED-BY" for every enabled `deb` entry of the machine's apt sources, both the
# one-line (.list) and the deb822 (.sources) formats. SIGNED-BY is "-" when not given as a file.
machine_sources() {
    local f
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        awk '$1 == "deb" {
                sb = "-"; line = $0
                if (match(line, /\[[^]]*\]/)) {               # [arch=... signed-by=...]
                    opts = substr(line, RSTART + 1, RLENGTH - 2)
                    if (match(opts, /signed-by=[^ ]+/)) sb = substr(opts, RSTART + 10, RLENGTH - 10)
                    line = substr(line, 1, RSTART - 1) substr(line, RSTART + RLENGTH)
                }
                split(line, w, /[ \t]+/); print w[2], w[3], sb
             }' "$f"
    done
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk 'function flush() {
                 if (types ~ /(^| )deb( |$)/ && tolower(enabled) != "no") {
                     nu = split(uris, U, /[ \t]+/); ns = split(suites, S, /[ \t]+/)
                     for (i = 1; i <= nu; i++) for (j = 1; j <= ns; j++)
                         if (U[i] != "" && S[j] != "") print U[i], S[j], (sb ~ /^\// ? sb : "-")
                 }
                 types = uris = suites = sb = ""; enabled = "yes"
             }
             /^[ \t]*$/ { flush(); next }
             /^#/ { next }
             /^[A-Za-z-]+:/ {
                 k = tolower(substr($0, 1, index($0, ":") - 1)); v = substr($0, index($0, ":") + 1)
                 gsub(/^[ \t]+|[ \t]+$/, "", v)
                 if (k == "types") types = v; else if (k == "uris") uris = v; else if (k == "suites") suites = v
                 else if (k == "signed-by") sb = v; else if (k == "enabled") enabled = v
             }
             END { flush() }' "$f"
    done
}

# Sets MIRROR, SEC_MIRROR and KEYRING from the machine's sources: the archive serving the machine's
# own release (e.g. bookworm) and the one serving <release>-security. Nothing is hard-coded: the
# same host the machine already uses serves the other suites too.
find_mirrors() {
    local codename entries
    # shellcheck disable=SC1091
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
    entries=$(machine_sources)
    dbg "machine apt sources:"$'\n'"$entries"
    MIRROR=${VM_DEBIAN_MIRROR:-$(awk -v c="$codename" '$2 == c {print $1; exit}' <<<"$entries")}
    [ -n "$MIRROR" ] || MIRROR=$(awk '$2 !~ /security/ && $1 ~ /\/debian\/?$/ {print $1; exit}' <<<"$entries")
    [ -n "$MIRROR" ] || die "no Debian archive found in /etc/apt/sources.list* (set VM_DEBIAN_MIRROR)"
    SEC_MIRROR=${VM_SECURITY_MIRROR:-$(awk '$2 ~ /-security$/ {print $1; exit}' <<<"$entries")}
    [ "$SEC_MIRROR" = none ] && SEC_MIRROR=
    KEYRING=$(awk -v m="$MIRROR" '$1 == m && $3 != "-" {print $3; exit}' <<<"$entries")
    [ -z "$KEYRING" ] && [ -f /usr/share/keyrings/debian-archive-keyring.gpg ] \
        && KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
    return 0
}

# ------------------------------------------------------------------ private apt configuration
# apt-get/apt-cache on a configuration of their own: own sources.list, state (lists, empty dpkg
# status) and cache. APT_CONFIG additionally points Dir::Etc::parts at an empty directory, so the
# machine's apt.conf.d hooks (PackageKit, appstream, docker-clean...) are not run for these calls.
papt() {
    local tool=$1; shift
    APT_CONFIG="$A/apt.conf" "$tool" \
        -o Dir::Etc::sourcelist="$A/sources.list" -o Dir::Etc::sourceparts="$A/sources.list.d" \
        -o Dir::State="$A/state" -o Dir::State::status="$A/state/status" \
        -o Dir::Cache="$A/cache" "$@"
}

write_private_apt() {
    find_mirrors
    rm -rf "$A"
    mkdir -p "$A/sources.list.d" "$A/parts" "$A/preferences.d" "$A/state/lists/partial" "$A/cache/archives/partial"
    : > "$A/state/status"
    cat > "$A/apt.conf" <<EOF
// private configuration of bench/vm/fetch-kernel.sh: used only to download a kernel package
Dir::Etc::parts "$A/parts";
Dir::Etc::main "$A/apt.conf.main";
Dir::Etc::preferences "$A/preferences";
Dir::Etc::preferencesparts "$A/preferences.d";
Acquire::Languages "none";
// The machine's mirror may lag behind the archive by some days; sid's Release files are valid for
// 7 days only, so apt would refuse a lagging sid. Signatures are still checked.
Acquire::Check-Valid-Until "false";
APT::Sandbox::User "root";      // the download goes into root's cache, not an _apt-readable dir
APT::Architectures { "amd64"; };
EOF
    local sb="" s
    [ -n "$KEYRING" ] && sb=" [signed-by=$KEYRING]"
    {
        for s in $SUITES; do echo "deb$sb $MIRROR $s main"; done
        if [ -n "$SEC_SUITE" ] && [ -n "$SEC_MIRROR" ]; then echo "deb$sb $SEC_MIRROR $SEC_SUITE main"; fi
    } > "$A/sources.list"
    dbg "private sources.list:"$'\n'"$(cat "$A/sources.list")"
}

# Sets PKG, VERSION and PKGS: the kernel package that the metapackage linux-image-amd64 depends on
# in this suite (e.g. linux-image-6.1.0-41-amd64), its candidate version, and the packages to
# download. Up to 6.12 the linux-image-<abi> package holds everything. From 7.x (sid) it is an
# empty package depending on linux-binary-<abi> (the kernel image), linux-modules-<abi> (modules)
# and linux-base-<abi> (config, System.map...): those, i.e. all its dependencies ending in the same
# <abi>, are fetched too.
resolve_package() {
    say "apt-get update (private config: $SUITES${SEC_SUITE:+ $SEC_SUITE})"
    papt apt-get update -q >"$A/update.log" 2>&1 || { cat "$A/update.log" >&2; die "apt-get update failed"; }
    # (outputs are captured first: an awk that stops reading early would SIGPIPE apt under pipefail)
    local deps
    deps=$(papt apt-cache depends linux-image-amd64 2>/dev/null) || true
    PKG=$(awk '$1 == "Depends:" && $2 ~ /^linux-image-/ {print $2; exit}' <<<"$deps")
    [ -n "$PKG" ] || { cat "$A/update.log" >&2; die "cannot resolve linux-image-amd64 in $SUITES"; }
    [[ $PKG =~ $EXPECT ]] || die "linux-image-amd64 in $SUITES depends on $PKG, expected ${EXPECT#^}..."
    VERSION=$(papt apt-cache policy "$PKG") || true
    VERSION=$(awk '$1 == "Candidate:" {print $2; exit}' <<<"$VERSION")
    if [ -z "$VERSION" ] || [ "$VERSION" = "(none)" ]; then die "no candidate version of $PKG"; fi
    local abi=${PKG#linux-image-} d
    PKGS=("$PKG=$VERSION")
    for d in $(papt apt-cache depends "$PKG=$VERSION" 2>/dev/null | awk '$1 == "Depends:" {print $2}'); do
        if [[ $d == linux-*-"$abi" ]]; then PKGS+=("$d=$VERSION"); fi
    done
}

download_packages() {
    say "downloading ${PKGS[*]}"
    rm -rf "$KC/debs" "$KC/kver" "$KC/vmlinux" "$KC/vmlinuz" "$KC"/initramfs-*
    mkdir -p "$KC/debs.tmp"
    (cd "$KC/debs.tmp" && papt apt-get download -q "${PKGS[@]}" >&2) || die "apt-get download ${PKGS[*]} failed"
    mv "$KC/debs.tmp" "$KC/debs"
    echo "$PKG $VERSION" > "$KC/package"
}

# The package lists (~150 MB) are only needed to resolve and download; --refresh fetches them anew.
drop_apt_lists() { rm -rf "$A/state/lists" "$A/cache"; }

# ------------------------------------------------------------------ kernel image
# Writes $KC/vmlinux: the uncompressed ELF kernel, if it carries a PVH entry note (CONFIG_PVH=y).
# QEMU then jumps straight into it: no SeaBIOS real-mode setup and no in-guest decompression,
# which saves ~4 s per boot under TCG. Falls back silently (run-in-vm.sh then uses the bzImage).
extract_vmlinux() {
    python3 - "$1" "$2" <<'PY' || rm -f "$2"
import io, gzip, lzma, struct, subprocess, sys
src, dst = sys.argv[1], sys.argv[2]
data = open(src, 'rb').read()
def unzstd(b): return subprocess.run(['zstd', '-qdc'], input=b, capture_output=True).stdout
def unxz(b): return lzma.LZMADecompressor().decompress(b)
def ungz(b): return gzip.GzipFile(fileobj=io.BytesIO(b)).read()
elf = None
for magic, fn in ((b'\xfd7zXZ\x00', unxz), (b'\x28\xb5\x2f\xfd', unzstd), (b'\x1f\x8b\x08', ungz)):
    i = data.find(magic)
    while i >= 0 and elf is None:
        try:
            out = fn(data[i:])
            if out[:4] == b'\x7fELF': elf = out
        except Exception:
            pass
        i = data.find(magic, i + 1)
    if elf: break
if not elf: sys.exit(1)
# PVH entry: an ELF note named "Xen" of type XEN_ELFNOTE_PHYS32_ENTRY (18)
phoff, = struct.unpack_from('<Q', elf, 32); phentsize, phnum = struct.unpack_from('<HH', elf, 54)
for k in range(phnum):
    ptype, _, off, _, _, sz = struct.unpack_from('<IIQQQQ', elf, phoff + k * phentsize)
    if ptype != 4: continue
    n, p = elf[off:off + sz], 0
    while p + 12 <= len(n):
        ns, ds, ty = struct.unpack_from('<III', n, p)
        if n[p + 12:p + 12 + ns].startswith(b'Xen') and ty == 18:
            open(dst, 'wb').write(elf); sys.exit(0)
        p += 12 + ((ns + 3) & ~3) + ((ds + 3) & ~3)
sys.exit(1)
PY
}

# Unpacks the kernel package(s) into $X (removed again at exit): sets MODROOT and KVER.
unpack_packages() {
    local d
    X="$KC/x.$$"; rm -rf "$KC"/x.*
    for d in "$KC"/debs/*.deb; do
        say "unpacking $(basename "$d")"
        dpkg-deb -x "$d" "$X" || die "dpkg-deb -x $d failed"
    done
    # merged /usr: trixie and later ship /usr/lib/modules, bookworm /lib/modules
    MODROOT="$X/lib/modules"; [ -d "$MODROOT" ] || MODROOT="$X/usr/lib/modules"
    [ -d "$MODROOT" ] || die "no lib/modules in $(ls "$KC"/debs)"
    local dirs=("$MODROOT"/*/)
    KVER=$(basename "${dirs[0]}")
}

# Keeps what is needed from the unpacked package: image, config, modules.builtin, kver.
install_kernel_image() {
    rm -f "$KC/vmlinux" "$KC/vmlinuz" "$KC"/initramfs-*
    # up to 6.12: /boot/{vmlinuz,config}-<kver>; 7.x: /usr/lib/modules/<kver>/{vmlinuz,config}
    local f
    for f in "$X/boot/vmlinuz-$KVER" "$MODROOT/$KVER/vmlinuz" ""; do [ -f "$f" ] && break; done
    [ -n "$f" ] || die "no vmlinuz in $(ls "$KC"/debs)"
    cp "$f" "$KC/vmlinuz"
    for f in "$X/boot/config-$KVER" "$MODROOT/$KVER/config" ""; do [ -f "$f" ] && break; done
    if [ -n "$f" ]; then cp "$f" "$KC/config"; else : > "$KC/config"; fi
    cp "$MODROOT/$KVER/modules.builtin" "$KC/modules.builtin" 2>/dev/null || true
    extract_vmlinux "$KC/vmlinuz" "$KC/vmlinux"
    echo "$KVER" > "$KC/kver"
}

# ------------------------------------------------------------------ initramfs
ko_plain() {  # ko_plain FILE: the module, decompressed (Debian compresses with xz since 6.x; zstd possible)
    case "$1" in
        *.xz) xz -dc "$1" ;; *.zst) zstd -qdc "$1" ;; *.gz) gzip -dc "$1" ;; *) cat "$1" ;;
    esac
}

# modinfo_field KO FIELD: a field of the module's .modinfo section (NUL-separated key=value strings).
# Read from the decompressed file, so no host modinfo/depmod support for the compression is needed.
modinfo_field() { tr '\0' '\n' < "$1" | sed -n "s/^$2=//p"; }

# build_initramfs OUT: busybox-static + vm-init.sh as /init + the modules in dependency order.
build_initramfs() {
    local out=$1 ir="$KC/ir.$$" m
    if [ -z "${X:-}" ] || [ ! -d "$X" ]; then unpack_packages; fi
    rm -rf "$ir"; mkdir -p "$ir/bin" "$ir/lib/modules"
    local bb; bb=$(dpkg -L busybox-static) || die "busybox-static is not installed"
    cp "$(grep -m1 '/busybox$' <<<"$bb")" "$ir/bin/busybox" || die "no busybox binary in busybox-static"
    cp "$INIT" "$ir/init"; chmod 755 "$ir/init" "$ir/bin/busybox"
    declare -A KO=() SEEN=()
    local f b
    # module name -> file, for the ~4000 modules (pure bash: a fork per module costs minutes here)
    while read -r f; do b=${f##*/}; b=${b%%.ko*}; KO[${b//-/_}]=$f; done \
        < <(find "$MODROOT/$KVER/kernel" -name '*.ko*')
    ORDER=(); : > "$ir/modules.info"
    add_mod() {  # depth-first: a module's dependencies go into modules.order before it
        local m=${1//-/_} f=${KO[${1//-/_}]:-} d
        [ -n "${SEEN[$m]:-}" ] && return 0
        SEEN[$m]=1
        if [ -z "$f" ]; then
            # built in: listed in modules.builtin (tristate options set to y), or a bool option
            # named like the module set to y (e.g. CONFIG_UDMABUF on 6.12, which is not a tristate)
            if grep -qE "/${m//_/[-_]}\.ko" "$KC/modules.builtin" 2>/dev/null \
               || grep -qx "CONFIG_${m^^}=y" "$KC/config" 2>/dev/null
            then echo "builtin $m" >> "$ir/modules.info"
            else echo "absent $m" >> "$ir/modules.info"; fi
            return 0
        fi
        ko_plain "$f" > "$ir/lib/modules/$m.ko" || die "cannot decompress $f"
        for d in $(modinfo_field "$ir/lib/modules/$m.ko" depends | tr ',' ' '); do add_mod "$d"; done
        ORDER+=("$m"); echo "module $m $(basename "$f")" >> "$ir/modules.info"
    }
    for m in $BASE_MODULES ${VM_MODULES:-}; do add_mod "$m"; done
    printf '%s\n' "${ORDER[@]}" > "$ir/modules.order"
    (cd "$ir" && find . | "$ir/bin/busybox" cpio -o -H newc 2>/dev/null | gzip -1 > "$out.tmp") || die "cpio failed"
    mv "$out.tmp" "$out"
    cp "$ir/modules.info" "${out%.gz}.modules"
    rm -rf "$ir"
    say "initramfs: $(grep -c '^module' "${out%.gz}.modules") modules; $(grep -v '^module' "${out%.gz}.modules" | tr '\n' ' ')"
}

# ------------------------------------------------------------------ main
X=
trap 'rm -rf "${X:-}" "$KC"/ir.$$' EXIT   # unpacked package / initramfs tree, also after a failure
ensure_host_tools

# 1. the kernel package(s): resolved once, then pinned in $KC/package (--refresh re-resolves)
PKG='' VERSION=''
[ -f "$KC/package" ] && read -r PKG VERSION < "$KC/package"
if [ "$REFRESH" = 1 ] || [ -z "$PKG" ] || [ ! -d "$KC/debs" ]; then
    OLD="$PKG $VERSION"
    write_private_apt
    resolve_package
    if [ "$PKG $VERSION" != "$OLD" ] || [ ! -d "$KC/debs" ]; then download_packages
    else say "$PKG $VERSION is still the newest"; fi
    drop_apt_lists
fi

# 2. kernel image (once per package)
if [ ! -s "$KC/kver" ] || { [ ! -f "$KC/vmlinux" ] && [ ! -f "$KC/vmlinuz" ]; }; then
    unpack_packages
    install_kernel_image
fi
KVER=$(cat "$KC/kver")

# 3. initramfs (once per vm-init.sh + module list + kernel)
IKEY=$( { cat "$INIT"; echo "$BASE_MODULES ${VM_MODULES:-}"; echo "$KVER"; } | sha256sum | cut -c1-12)
INITRD="$KC/initramfs-$IKEY.gz"
[ -f "$INITRD" ] || build_initramfs "$INITRD"
rm -rf "$X"; X=    # the unpacked package (~400 MB) is only needed while building

KIMG="$KC/vmlinuz"; [ -f "$KC/vmlinux" ] && KIMG="$KC/vmlinux"
echo "kernel=$KIMG"
echo "initrd=$INITRD"
echo "kver=$KVER"
echo "package=$PKG"
echo "version=$VERSION"
