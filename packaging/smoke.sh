#!/usr/bin/env bash
# Smoke test of a BUILT gemscope (never target/classes): packaging/build.sh runs it on the app image
# and on the .deb unpacked into a scratch root.
#
#   packaging/smoke.sh IMAGE [ROOT]
#
# IMAGE is the app image (bin/gemscope, bin/gemscope-cli, lib/). With ROOT (a tree the .deb was
# unpacked into, IMAGE being ROOT/usr/lib/gemscope) the CLI runs through ROOT/usr/bin and the
# installed man pages, completion, desktop entry, icon and metainfo are checked too.
# Every check prints "ok ..." or "FAIL ..."; the exit code is the number of failures (capped).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
image="$(cd "${1:?usage: smoke.sh IMAGE [ROOT]}" && pwd)"
root="${2:-}"
[ -z "$root" ] || root="$(cd "$root" && pwd)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { echo "ok   $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
# check DESCRIPTION COMMAND...: passes when the command succeeds.
check() { local what=$1; shift; if "$@"; then ok "$what"; else fail "$what"; fi; }

cli="$image/bin/gemscope-cli"
gui="$image/bin/gemscope"
[ -z "$root" ] || { cli="$root/usr/bin/gemscope-cli"; gui="$root/usr/bin/gemscope"; }
# A fresh HOME: nothing from an earlier run helps, and whatever the app writes there is seen.
export HOME="$tmp/home"
mkdir -p "$HOME"

echo "smoke test of $image${root:+ (installed in $root)}"

# ---- the CLI launcher --------------------------------------------------------------------------
"$cli" --help > "$tmp/help.txt" 2>&1
check "gemscope-cli --help exits 0 and names itself" grep -q '^Usage: gemscope-cli ' "$tmp/help.txt"
check "--help lists the collect command" grep -qE '^ +collect ' "$tmp/help.txt"
"$cli" --version > "$tmp/version.txt" 2>&1
check "gemscope-cli --version says gemscope" grep -q gemscope "$tmp/version.txt"
"$cli" ls --no-such-option > "$tmp/bad.txt" 2>&1
check "bad usage exits 2 with a one-line reason, no stack trace" \
    test "$?" -eq 2 -a "$(grep -c 'at [a-z]*\.' "$tmp/bad.txt")" -eq 0

# Collect on a fixture root and compare every list's length with the fixture's expected snapshot.
fixture="$repo/resources/fixtures/6.1-vgem-virtio"
if "$cli" collect --root "$fixture/root" -o "$tmp/collected.json" > "$tmp/collect.txt" 2>&1; then
    counts='[to_entries[] | select(.value | type == "array") | "\(.key) \(.value | length)"] | .[]'
    jq -r "$counts" "$fixture/expected-snapshot.json" | sort > "$tmp/want.txt"
    jq -r "$counts" "$tmp/collected.json" | sort > "$tmp/got.txt"
    if diff "$tmp/want.txt" "$tmp/got.txt" > "$tmp/counts.diff"; then
        ok "collect --root fixture 6.1-vgem-virtio: $(tr '\n' ' ' < "$tmp/got.txt")"
    else
        fail "collect --root fixture: key counts differ from expected-snapshot.json:"; cat "$tmp/counts.diff"
    fi
else
    fail "collect --root fixture exited non-zero:"; cat "$tmp/collect.txt"
fi
"$cli" show > "$tmp/show.txt" 2>&1
check "gemscope-cli show reads the demo capture shipped in the image (or this machine's DRM devices)" \
    grep -qE 'demo capture|dma-bufs' "$tmp/show.txt"

# ---- the native layer: jnr-ffi + jffi's native library -----------------------------------------
if "$cli" self-check > "$tmp/native.txt" 2>&1; then
    ok "$(cat "$tmp/native.txt")"
else
    fail "native layer does not load from the image:"; cat "$tmp/native.txt"
fi
# ... and the check can fail: the same jars without jffi's native jar must be reported as broken.
cp_without_native="$(find "$image/lib/app" -name '*.jar' ! -name 'jffi-*-native.jar' | tr '\n' ':')"
"$image/lib/runtime/bin/java" -Djava.library.path=/nonexistent -cp "$cp_without_native" \
    dev.gemscope.backend.cli.Main self-check > "$tmp/broken.txt" 2>&1
rc=$?
if [ "$rc" -eq 3 ] && grep -q 'native layer unusable' "$tmp/broken.txt"; then
    ok "without jffi's native jar the self-check fails (exit 3: $(cut -c1-100 "$tmp/broken.txt" | head -1)...)"
else
    fail "self-check did not detect a missing jffi native library (exit $rc):"; cat "$tmp/broken.txt"
fi

# ---- the installed files -------------------------------------------------------------------------
if [ -n "$root" ]; then
    man1="$root/usr/share/man/man1"
    MANWIDTH=100 man -P cat -l "$man1/gemscope-cli.1.gz" > "$tmp/man.txt" 2>"$tmp/man.err"
    check "man -l gemscope-cli.1.gz renders its NAME line and lists collect" \
        bash -c "grep -q '^ *gemscope-cli - Inspect' '$tmp/man.txt' && grep -qE '^ +collect\$' '$tmp/man.txt'"
    MANWIDTH=100 man -P cat -l "$man1/gemscope-cli-collect.1.gz" > "$tmp/man-collect.txt" 2>&1
    check "man -l gemscope-cli-collect.1.gz renders its --root option" grep -q -- '--root' "$tmp/man-collect.txt"
    check "no man page for the hidden self-check" test ! -e "$man1/gemscope-cli-self-check.1.gz"
    comp="$root/usr/share/bash-completion/completions/gemscope-cli"
    check "bash completion completes subcommands" bash -c "
        source '$comp'; COMP_WORDS=(gemscope-cli col); COMP_CWORD=1; COMP_LINE='gemscope-cli col'; COMP_POINT=16
        _picocli_gemscope-cli; [[ \" \${COMPREPLY[*]} \" == *' collect '* ]]"
    desktop="$root/usr/share/applications/dev.gemscope.Gemscope.desktop"
    check "desktop entry runs gemscope, which is installed" \
        bash -c "grep -q '^Exec=gemscope ' '$desktop' && test -x '$root/usr/bin/gemscope'"
    check "icon installed (SVG and 256x256 PNG)" test -s "$root/usr/share/icons/hicolor/scalable/apps/dev.gemscope.Gemscope.svg" \
        -a -s "$root/usr/share/icons/hicolor/256x256/apps/dev.gemscope.Gemscope.png"
    # The privileged collector's polkit action, when the package has one: pkexec runs exactly the
    # action's exec.path, so that file must be in the package and executable.
    policy="$root/usr/share/polkit-1/actions/dev.gemscope.collect.policy"
    if [ -e "$policy" ]; then
        exec_path="$(sed -n 's:.*<annotate key="org.freedesktop.policykit.exec.path">\([^<]*\)</annotate>.*:\1:p' "$policy" | head -1)"
        check "polkit action's exec.path ${exec_path:-(none)} is an executable in the package" \
            test -n "$exec_path" -a -x "$root$exec_path"
        cli_path="$(sed -n 's/^GEMSCOPE_CLI=//p' "$root$exec_path" 2>/dev/null | head -1)"
        check "the collector wrapper runs the installed CLI (${cli_path:-no GEMSCOPE_CLI line})" \
            test -z "$cli_path" -o -x "$root$cli_path"
    else
        echo "     (no polkit action in this package: packaging/polkit/ had none when it was built)"
    fi
    check "AppStream metainfo installed and valid" \
        appstreamcli validate --no-net "$root/usr/share/metainfo/dev.gemscope.Gemscope.metainfo.xml"
fi

# ---- the GUI on the demo capture, under Xvfb ------------------------------------------------------
env -u DISPLAY -u WAYLAND_DISPLAY "$gui" > "$tmp/nodisplay.txt" 2>&1
check "without a display the GUI says so in one line and exits 2" \
    test "$?" -eq 2 -a "$(wc -l < "$tmp/nodisplay.txt")" -eq 1 -a "$(grep -c 'no display' "$tmp/nodisplay.txt")" -eq 1

# With a DRM device here the GUI would open this machine; the demo capture is then named explicitly.
demo_args=()
if compgen -G '/sys/class/drm/card*' >/dev/null || compgen -G '/sys/class/drm/renderD*' >/dev/null; then
    demo_args=("$image/lib/app/resources/captures/compositor-6.12.json")
fi
shot="$tmp/gemscope-gui.png"
start=$SECONDS
timeout 180 xvfb-run -a -s '-screen 0 1280x1024x24' "$gui" --screenshot "$shot" "${demo_args[@]}" > "$tmp/gui.txt" 2>&1
rc=$?
if [ "$rc" -eq 0 ] && [ -s "$shot" ]; then
    ok "GUI started under Xvfb and wrote a screenshot in $((SECONDS - start)) s: $(grep 'screenshot of' "$tmp/gui.txt")"
    if [ ${#demo_args[@]} -eq 0 ]; then
        check "the window is the demo capture" grep -q "screenshot of 'gemscope — demo capture" "$tmp/gui.txt"
    fi
    read -r w h colours < <(identify -format '%w %h %k\n' "$shot")
    check "screenshot is the 1280x800 window with real content (${w}x${h}, $colours colours)" \
        test "$w" -eq 1280 -a "$h" -eq 800 -a "$colours" -gt 100
    keep="${GEMSCOPE_SMOKE_SCREENSHOT:-$here/target/smoke-gui${root:+-deb}.png}"
    cp "$shot" "$keep" && echo "     (kept as $keep)"
else
    fail "GUI under Xvfb (exit $rc), its output:"; cat "$tmp/gui.txt"
fi
check "the GUI printed no exception" bash -c "! grep -E 'Exception|Error:' '$tmp/gui.txt'"
check "JavaFX ran as modules from the runtime (no 'Unsupported JavaFX configuration')" \
    bash -c "! grep -q 'Unsupported JavaFX configuration' '$tmp/gui.txt'"
check "JavaFX's native libraries came from the runtime, nothing unpacked into HOME" test ! -e "$HOME/.openjfx"

echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || exit $((failed > 100 ? 100 : failed))
