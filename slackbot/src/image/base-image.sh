#!/usr/bin/env bash
# Builds the base of the bot's container image as a `docker save` tar, with no registry and no
# container daemon: the image build (Jib) starts FROM tar://OUT/base.tar. One layer holds
#   /opt/java            a jlink-ed runtime of the build JDK (headless: no X11, sound or splash libraries)
#   /lib*, /usr/lib*     the shared libraries that runtime loads, copied from this machine with its dynamic
#                        loader, and the C.UTF-8 locale (the image has no package manager and no shell)
#   /usr/share/fonts     DejaVu, which the loss charts are drawn with, and a minimal /etc/fonts/fonts.conf
#   /etc/passwd, /etc/group, /home/NAME (owned by UID), /tmp (1777): the non-root user the bot runs as
# and its config carries PATH, JAVA_HOME, LANG and the Healthcheck: Jib has no setting for a health
# check, but keeps the base image's.
#
#   base-image.sh JDK MODULES UID NAME OUT HEALTHCHECK-COMMAND...
set -euo pipefail

[ $# -ge 6 ] || { echo "usage: $0 JDK MODULES UID NAME OUT HEALTHCHECK-COMMAND..." >&2; exit 2; }
jdk=$1 modules=$2 uid=$3 name=$4 out=$5
# built again only when an argument, this script or the JDK changed
inputs="$(printf '%s\n' "$@"; sha256sum < "$0"; cat "$jdk/release")"
if [ -f "$out/base.tar" ] && [ "$(cat "$out/inputs" 2>/dev/null)" = "$inputs" ]; then
  echo "base image: $out/base.tar is up to date"
  exit 0
fi
shift 5

rm -rf "$out"
root="$out/rootfs"
mkdir -p "$root"

# from the JDK's jmods; a JDK without them (Temurin 24 and later) links from its own run-time image.
# No --strip-debug: the JDK's stack traces keep their line numbers, and jlink takes half the time.
jmods=()
[ -d "$jdk/jmods" ] && jmods=(--module-path "$jdk/jmods")
"$jdk/bin/jlink" "${jmods[@]}" --add-modules "$modules" --no-header-files --no-man-pages --output "$root/opt/java"
rm -f "$root"/opt/java/lib/{libawt_xawt,libjawt,libsplashscreen,libjsound}.so

# the shared libraries the runtime needs, and those opened by name at run time: fontconfig (AWT's fonts),
# and glibc's libpthread and libdl, which native code built for glibc < 2.34 needs (sqlite-jdbc's)
libdir=$(dirname "$(ldd "$root/opt/java/bin/java" | awk '$1 == "libc.so.6" { print $3 }')")
opened=()
for soname in libfontconfig.so.1 libpthread.so.0 libdl.so.2; do
  [ -e "$libdir/$soname" ] || { echo "$0: $libdir/$soname not found (fontconfig and libc6 provide them)" >&2; exit 1; }
  opened+=("$libdir/$soname")
done
mapfile -t elves < <(find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \))
needed=$(ldd "${elves[@]}" "${opened[@]}" | grep -v 'libjvm.so => not found' || true)
if grep -q 'not found' <<<"$needed"; then
  echo "$0: missing shared libraries:" >&2; grep 'not found' <<<"$needed" | sort -u >&2; exit 1
fi
while read -r lib; do
  case "$lib" in "$root"/*) continue ;; esac # the runtime's own, found through its RUNPATH
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done < <({ awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && $2 ~ /^\(/ { print $1 }' <<<"$needed"
           printf '%s\n' "${opened[@]}"; } | sort -u)

# LANG=C.UTF-8 needs the locale's files (glibc has no built-in C.UTF-8): else Java's default charset is ASCII
locale=/usr/lib/locale/C.utf8
[ -d "$locale" ] || { echo "$0: $locale not found (libc-bin provides it)" >&2; exit 1; }
mkdir -p "$root/usr/lib/locale"
cp -R "$locale" "$root/usr/lib/locale/"

fonts=$(dirname "$(fc-match -f '%{file}' 'DejaVu Sans')")
case "$fonts" in */dejavu) ;; *) echo "$0: DejaVu fonts not found (apt-get install fonts-dejavu-core)" >&2; exit 1 ;; esac
mkdir -p "$root/usr/share/fonts" "$root/etc/fonts"
cp -L "$fonts"/DejaVuSans*.ttf "$root/usr/share/fonts/"
cat > "$root/etc/fonts/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts</dir>
  <cachedir>/tmp/fontconfig</cachedir>
</fontconfig>
CONF

printf 'root:x:0:0:root:/root:/sbin/nologin\n%s:x:%s:%s:mstudio bot:/home/%s:/sbin/nologin\n' \
  "$name" "$uid" "$uid" "$name" > "$root/etc/passwd"
printf 'root:x:0:\n%s:x:%s:\n' "$name" "$uid" > "$root/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$root/etc/nsswitch.conf"
mkdir -p "$root/tmp" "$root/home/$name"
chmod 1777 "$root/tmp"
chmod 700 "$root/home/$name"

# one layer, the same bytes for the same inputs: root owns everything but the user's home
tar_opts=(--sort=name --mtime=@0 --numeric-owner --format=gnu)
tar -C "$root" "${tar_opts[@]}" --owner=0 --group=0 --exclude="./home/$name" -cf "$out/layer.tar" .
tar -C "$root" "${tar_opts[@]}" --owner="$uid" --group="$uid" -rf "$out/layer.tar" "./home/$name"
diff_id=$(sha256sum "$out/layer.tar" | cut -d' ' -f1)

json_strings() { # the arguments as a JSON array of strings
  local sep='' arg
  printf '['
  for arg in "$@"; do
    arg=${arg//\\/\\\\}
    printf '%s"%s"' "$sep" "${arg//\"/\\\"}"
    sep=','
  done
  printf ']'
}
second=1000000000
cat > "$out/config.json" <<JSON
{
  "architecture": "$(dpkg --print-architecture 2>/dev/null || echo amd64)",
  "os": "linux",
  "config": {
    "Env": ["PATH=/opt/java/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java", "LANG=C.UTF-8"],
    "Healthcheck": {
      "Test": $(json_strings CMD "$@"),
      "Interval": $((30 * second)), "Timeout": $((10 * second)), "StartPeriod": $((60 * second)), "Retries": 3
    }
  },
  "rootfs": { "type": "layers", "diff_ids": ["sha256:$diff_id"] },
  "history": [{ "created": "1970-01-01T00:00:00Z", "created_by": "slackbot/src/image/base-image.sh" }]
}
JSON
printf '[{"Config": "config.json", "RepoTags": ["mstudio-base:local"], "Layers": ["layer.tar"]}]\n' \
  > "$out/manifest.json"
tar -C "$out" "${tar_opts[@]}" --owner=0 --group=0 -cf "$out/base.tar" manifest.json config.json layer.tar
rm -r "$out/layer.tar" "$root"
printf '%s\n' "$inputs" > "$out/inputs"
echo "base image: $out/base.tar ($(du -h "$out/base.tar" | cut -f1))"
