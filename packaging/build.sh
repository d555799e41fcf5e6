#!/usr/bin/env bash
# Builds gemscope's packages and smoke-tests them: ONE command.
#
#   packaging/build.sh              build the jars (Maven, tests skipped), then everything below
#   packaging/build.sh --no-maven   use the jars a `mvn -Ppackage package|verify` just staged
#
# Makes, under packaging/target/:
#   runtime/                     the jlinked Java runtime (JDK modules from jdeps + JavaFX + ControlsFX)
#   image/gemscope/              the jpackage app image: bin/gemscope (GUI), bin/gemscope-cli
#   gemscope_<version>_amd64.deb the Debian package (the image under /usr/lib/gemscope)
# then runs packaging/smoke.sh on the image and on the .deb unpacked into a scratch root.
# Installs the Debian packages it needs itself, like ./run-tests. See packaging/README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
out="$here/target"

maven=1
for arg in "$@"; do
    case "$arg" in
        --no-maven) maven=0 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown argument $arg" >&2; exit 2 ;;
    esac
done

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
step() { printf '[%3ds] %s\n' "$SECONDS" "$*"; }

# Debian package → a file that shows it is installed.
declare -A needs=(
    # Debian 12's openjdk-17-jdk-headless ships the jmods jlink needs (there is no openjdk-17-jmods package).
    [openjdk-17-jdk-headless]=/usr/lib/jvm/java-17-openjdk-amd64/jmods/java.base.jmod
    [maven]=/usr/bin/mvn
    [binutils]=/usr/bin/objcopy            # jlink --strip-debug runs objcopy on the native libraries
    [dpkg-dev]=/usr/bin/dpkg-shlibdeps     # the .deb's Depends from the ELF files it contains
    [asciidoctor]=/usr/bin/asciidoctor     # picocli writes man pages as AsciiDoc; this makes troff
    [librsvg2-bin]=/usr/bin/rsvg-convert   # the PNG icon from the SVG
    [appstream]=/usr/bin/appstreamcli      # validates the metainfo
    [man-db]=/usr/bin/man                  # smoke test: the man page renders
    [jq]=/usr/bin/jq                       # smoke test: key counts of the collected snapshot
    [xvfb]=/usr/bin/Xvfb                   # smoke test: the GUI on a virtual display
    [xauth]=/usr/bin/xauth
    [libgtk-3-0]=/usr/share/doc/libgtk-3-0/copyright   # JavaFX 21's glass library is GTK 3
    [libxtst6]=/usr/share/doc/libxtst6/copyright
    [libgl1]=/usr/share/doc/libgl1/copyright
    [fonts-dejavu-core]=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
    [imagemagick]=/usr/bin/identify        # smoke test: the screenshot's size and colours
    [unzip]=/usr/bin/unzip
    [desktop-file-utils]=/usr/bin/desktop-file-validate
)
missing=()
for pkg in "${!needs[@]}"; do
    [ -e "${needs[$pkg]}" ] || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    step "installing ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

jdk=/usr/lib/jvm/java-17-openjdk-amd64
export JAVA_HOME="$jdk"
export PATH="$jdk/bin:$PATH"

if [ "$maven" -eq 1 ]; then
    step "maven: building the jars (tests skipped)"
    rm -rf "$out/deps" "$out/tools"    # copy-dependencies never removes a jar that is no longer a dependency
    (cd "$repo" && mvn -B -q -DskipTests -Ppackage package)
fi
deps="$out/deps"
tools="$out/tools"
app_jar="$(ls "$deps"/gemscope-app-*.jar 2>/dev/null | head -1)"
if [ -z "$app_jar" ] || [ ! -d "$tools" ]; then
    echo "build.sh: no staged jars in $deps; run without --no-maven, or mvn -B -Ppackage package first" >&2
    exit 2
fi
version="$(basename "$app_jar" .jar)"; version="${version#gemscope-app-}"    # 0.1.0-SNAPSHOT
app_version="${version%%-*}"                       # jpackage wants numbers only: 0.1.0
deb_version="${version/-/\~}"                      # 0.1.0~SNAPSHOT sorts before the 0.1.0 release
deb="$out/gemscope_${deb_version}_amd64.deb"

rm -rf "$out/stage" "$out/runtime" "$out/image" "$out/docs" "$out/debroot" "$out"/gemscope_*.deb "$out/scratch"
mkdir -p "$out/stage/modules" "$out/stage/app/resources/captures" "$out/docs"

# ---- what goes where -----------------------------------------------------------------------------
# Module path (linked into the runtime): JavaFX's modular *-linux.jars and ControlsFX (a real module).
# Class path (lib/app): our jars, jnr-ffi (automatic module: jlink refuses it) with jffi and its
# native jar, asm, Jackson, picocli. The classifier-less javafx-*.jar are empty placeholders.
for jar in "$deps"/*.jar; do
    name="$(basename "$jar")"
    case "$name" in
        javafx-*-linux.jar|controlsfx-*.jar) cp "$jar" "$out/stage/modules/" ;;
        javafx-*) ;;
        *) cp "$jar" "$out/stage/app/" ;;
    esac
done
# gemscope.home is lib/app in the image: `gemscope-cli show` and the GUI find the demo capture there.
cp "$repo/resources/captures/compositor-6.12.json" "$out/stage/app/resources/captures/"

step "jdeps: the JDK modules the class path needs"
fx_modules=javafx.controls,javafx.swing,org.controlsfx.controls
jdk_modules="$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
    --module-path "$out/stage/modules" --add-modules "$fx_modules" "$out"/stage/app/*.jar | tail -1)"
case "$jdk_modules" in java.base*) ;; *) echo "build.sh: jdeps said '$jdk_modules'" >&2; exit 1 ;; esac
# jdk.zipfs: nothing needs it today; jdk.crypto.ec etc. are left out on purpose (no TLS anywhere).
modules="$jdk_modules,$fx_modules"
step "modules: $modules"

step "jlink: the runtime"
# JavaFX's native libraries are resources in its modular jars; left there, JavaFX would unpack them
# into ~/.openjfx at every first start (and fail with a read-only HOME). They go to runtime/lib
# instead, where JavaFX looks first for modules linked into the runtime.
jlink --module-path "$jdk/jmods:$out/stage/modules" --add-modules "$modules" \
      --exclude-resources 'glob:/javafx.graphics/lib*.so' \
      --strip-debug --no-header-files --no-man-pages --compress=2 \
      --output "$out/runtime"
(cd "$out/runtime/lib" && unzip -q -j "$out"/stage/modules/javafx-graphics-*-linux.jar 'lib*.so' && chmod 644 lib*.so \
    && objcopy --strip-debug libglass.so)  # the only one built with debug info

step "docs: man pages (picocli ManPageGenerator + asciidoctor) and bash completion (picocli AutoComplete)"
java -cp "$out/stage/app/*:$tools/*" "$here/tools/GenerateDocs.java" "$out/docs" gemscope-cli
for adoc in "$out"/docs/*.adoc; do
    asciidoctor -b manpage -a reproducible -D "$out/docs" "$adoc"
done
rm "$out"/docs/*.adoc
rsvg-convert -w 256 -h 256 "$here/linux/dev.gemscope.Gemscope.svg" -o "$out/docs/dev.gemscope.Gemscope.png"
rsvg-convert -w 48 -h 48 "$here/linux/dev.gemscope.Gemscope.svg" -o "$out/docs/dev.gemscope.Gemscope-48.png"
sed -e "s/@VERSION@/$deb_version/" -e "s/@DATE@/$(date -u -r "$app_jar" +%Y-%m-%d)/" \
    "$here/linux/dev.gemscope.Gemscope.metainfo.xml" > "$out/docs/dev.gemscope.Gemscope.metainfo.xml"
appstreamcli validate --no-net --explain "$out/docs/dev.gemscope.Gemscope.metainfo.xml"

desktop-file-validate "$here/linux/dev.gemscope.Gemscope.desktop"

step "jpackage: the app image"
# ControlsFX reaches into three JavaFX internals (found with jdeps); as a named module it needs them
# exported to it explicitly, or its skins fail at run time.
cfx=org.controlsfx.controls
fx_opts="--add-exports=javafx.base/com.sun.javafx.event=$cfx"
fx_opts+=" --add-exports=javafx.controls/com.sun.javafx.scene.control=$cfx"
fx_opts+=" --add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=$cfx"
common_opts="-Dgemscope.home=\$APPDIR"
cat > "$out/stage/gemscope-cli.properties" <<EOF
main-class=dev.gemscope.backend.cli.Main
java-options=$common_opts -Dgemscope.command=gemscope-cli -Djava.awt.headless=true
EOF
jpackage --type app-image --dest "$out/image" --name gemscope --app-version "$app_version" \
    --vendor gemscope --description "Inspector for DRM GEM objects, dma-bufs and PRIME buffer sharing" \
    --runtime-image "$out/runtime" --input "$out/stage/app" \
    --main-jar "$(basename "$app_jar")" --main-class dev.gemscope.app.Launcher \
    --java-options "$common_opts $fx_opts" \
    --add-launcher gemscope-cli="$out/stage/gemscope-cli.properties" \
    --icon "$out/docs/dev.gemscope.Gemscope.png"
image="$out/image/gemscope"

step "dpkg-deb: the package"
root="$out/debroot"
mkdir -p "$root/usr/lib" "$root/usr/bin" "$root/DEBIAN" \
         "$root/usr/share/applications" "$root/usr/share/metainfo" \
         "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/icons/hicolor/256x256/apps" \
         "$root/usr/share/icons/hicolor/48x48/apps" "$root/usr/share/man/man1" \
         "$root/usr/share/bash-completion/completions" "$root/usr/share/doc/gemscope"
cp -a "$image" "$root/usr/lib/gemscope"
ln -s ../lib/gemscope/bin/gemscope "$root/usr/bin/gemscope"
ln -s ../lib/gemscope/bin/gemscope-cli "$root/usr/bin/gemscope-cli"
install -m 644 "$here/linux/dev.gemscope.Gemscope.desktop" "$root/usr/share/applications/"
install -m 644 "$out/docs/dev.gemscope.Gemscope.metainfo.xml" "$root/usr/share/metainfo/"
install -m 644 "$here/linux/dev.gemscope.Gemscope.svg" "$root/usr/share/icons/hicolor/scalable/apps/"
install -m 644 "$out/docs/dev.gemscope.Gemscope.png" "$root/usr/share/icons/hicolor/256x256/apps/"
install -m 644 "$out/docs/dev.gemscope.Gemscope-48.png" "$root/usr/share/icons/hicolor/48x48/apps/dev.gemscope.Gemscope.png"
for page in "$out"/docs/*.1; do
    gzip -9n -c "$page" > "$root/usr/share/man/man1/$(basename "$page").gz"
done
install -m 644 "$out/docs/gemscope-cli.bash" "$root/usr/share/bash-completion/completions/gemscope-cli"
install -m 644 "$repo/LICENSE" "$root/usr/share/doc/gemscope/copyright"

# The privileged collector (issue #7's other half) ships, when its branch has landed, as a polkit
# action and a wrapper script at these fixed paths. The wrapper goes where the action's
# org.freedesktop.policykit.exec.path says (pkexec runs exactly that path), else /usr/libexec/gemscope.
policy="$here/polkit/dev.gemscope.collect.policy"
collector="$here/bin/gemscope-collector"
collector_dest=/usr/libexec/gemscope/gemscope-collector
if [ -f "$policy" ]; then
    exec_path="$(sed -n 's:.*<annotate key="org.freedesktop.policykit.exec.path">\([^<]*\)</annotate>.*:\1:p' "$policy" | head -1)"
    [ -z "$exec_path" ] || collector_dest="$exec_path"
    install -D -m 644 "$policy" "$root/usr/share/polkit-1/actions/dev.gemscope.collect.policy"
    step "polkit action installed (exec path ${exec_path:-none given})"
else
    step "no $policy yet: package has no polkit action"
fi
if [ -f "$collector" ]; then
    install -D -m 755 "$collector" "$root$collector_dest"
    # The wrapper runs the CLI by absolute path (root must not follow PATH): the installed launcher.
    sed -i 's|^GEMSCOPE_CLI=.*|GEMSCOPE_CLI=/usr/lib/gemscope/bin/gemscope-cli|' "$root$collector_dest"
    step "collector wrapper installed at $collector_dest"
else
    step "no $collector yet: package has no privileged collector wrapper"
fi

# Depends: what the ELF files in the image link against (the JavaFX GTK glass library brings GTK 3).
mkdir -p "$out/shlibs/debian"
printf 'Source: gemscope\n\nPackage: gemscope\nArchitecture: amd64\n' > "$out/shlibs/debian/control"
elves=()
while IFS= read -r f; do
    if [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ]; then elves+=("$f"); fi
done < <(find "$root/usr/lib/gemscope" -type f \( -name '*.so' -o -perm -u+x \))
shlib_depends="$(cd "$out/shlibs" && dpkg-shlibdeps -O -l"$root/usr/lib/gemscope/lib/runtime/lib" \
    -l"$root/usr/lib/gemscope/lib/runtime/lib/server" "${elves[@]}" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')"
[ -n "$shlib_depends" ] || { echo "build.sh: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
installed_kb="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
cat > "$root/DEBIAN/control" <<EOF
Package: gemscope
Version: $deb_version
Architecture: amd64
Maintainer: gemscope developers <gemscope@localhost>
Installed-Size: $installed_kb
Depends: $shlib_depends
Recommends: policykit-1 | pkexec
Section: devel
Priority: optional
Description: inspector for GPU buffer sharing on Linux (DRM GEM, dma-buf, PRIME)
 gemscope shows the DRM GEM objects and dma-bufs of a Linux machine, which
 processes and DRM clients hold or map them, and how buffers are shared between
 devices and processes. It has a JavaFX GUI (gemscope) and a command line
 (gemscope-cli). It brings its own Java runtime.
EOF
# zstd: a second where xz takes minutes, for 7% more size; dpkg reads it from 1.21.18 (Debian 12).
dpkg-deb --root-owner-group -Z"${GEMSCOPE_DEB_COMPRESSION:-zstd}" --build "$root" "$deb" >/dev/null
step "built $deb"

step "smoke test: the app image"
"$here/smoke.sh" "$image"

step "smoke test: the .deb unpacked into a scratch root (dpkg -x)"
mkdir -p "$out/scratch"
dpkg -x "$deb" "$out/scratch"
"$here/smoke.sh" "$out/scratch/usr/lib/gemscope" "$out/scratch"

{
    echo "version        $deb_version"
    echo "runtime        $(du -sh "$out/runtime" | cut -f1)"
    echo "app image      $(du -sh "$image" | cut -f1)"
    echo "deb            $(du -h "$deb" | cut -f1)"
    echo "installed      ${installed_kb} KiB"
    echo "modules        $modules"
    echo "build seconds  $SECONDS (maven: $maven)"
} | tee "$out/sizes.txt"
step "done: $deb"
