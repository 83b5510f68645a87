#!/usr/bin/env bash
# Writes the file tree that the container image holds besides the application (Jib adds that):
# a Java runtime made by jlink from the build's own JDK, the shared libraries it loads, and the few
# files a program expects of a Linux system. The image's base is `scratch`: nothing else is in it, no
# shell and no package manager, so nothing else can be run or patched inside it.
#
#   deploy/image/runtime.sh <jdk home> <output directory>
#
# Run by the build (pre-integration-test, in verify); it does nothing when the output was made from the same JDK and
# module list already.
set -euo pipefail

jdk="$1"
out="$2"

# The 16 modules `jdeps -summary -recursive` finds the application and its libraries using, plus
# what they reach only at run time: jdk.crypto.ec (TLS with elliptic curves), jdk.charsets (mail in
# other charsets), jdk.naming.dns, java.security.sasl and java.transaction.xa (mail, JDBC),
# jdk.management and jdk.management.jfr (process metrics, profiling in production), jdk.localedata
# (dates and numbers in every locale) and jdk.zipfs. java.desktop is there for java.beans, which
# Spring uses; its native parts need a display and are left out below.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming
modules+=,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql
modules+=,java.sql.rowset,java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.ec
modules+=,jdk.jfr,jdk.localedata,jdk.management,jdk.management.jfr,jdk.naming.dns,jdk.net,jdk.unsupported
modules+=,jdk.zipfs

stamp="$("$jdk/bin/java" -version 2>&1 | head -n 1) $modules $(sha256sum "$0" | cut -c1-16)"
if [ -d "$out" ] && [ -f "$out.made-by" ] && [ "$(cat "$out.made-by")" = "$stamp" ]; then
  exit 0
fi
rm -rf "$out" "$out.made-by"
mkdir -p "$out/opt"

"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$out/opt/java"

# AWT, fonts, sound and the splash screen: they link against X11, ALSA and friends, which a server
# image does not hold, and nothing here draws.
( cd "$out/opt/java/lib" && rm -f libawt.so libawt_headless.so libawt_xawt.so libfontmanager.so \
    libjavajpeg.so libjawt.so liblcms.so libmlib_image.so libsplashscreen.so libjsound.so )

# Debian's JDK links its trust store and security files to /etc; the runtime gets the files themselves.
for f in "$jdk"/lib/security/*; do
  name="$(basename "$f")"
  rm -f "$out/opt/java/lib/security/$name"
  cp -L "$f" "$out/opt/java/lib/security/$name"
done

# The shared libraries the runtime loads, at the paths the dynamic loader looks in.
find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) -print0 \
  | xargs -0 ldd 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\/.*ld-linux/ { print $1 }' \
  | sort -u \
  | grep -v "^$out/" \
  | while read -r lib; do
      mkdir -p "$out$(dirname "$lib")"
      cp -L "$lib" "$out$lib"
    done
if ldd "$out/opt/java/bin/java" "$out/opt/java/lib/server/libjvm.so" | grep -q 'not found'; then
  echo "runtime.sh: a library of the runtime is not found" >&2
  exit 1
fi

# The user the service runs as (not root), name lookups through /etc/hosts and DNS, and the two
# directories it writes: /tmp, and /data (spooled uploads, the generated admin token and master key).
mkdir -p "$out/etc" "$out/tmp" "$out/data"
printf 'root:x:0:0:root:/root:/sbin/nologin\naudience:x:65532:65532:Audience:/data:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\naudience:x:65532:\n' > "$out/etc/group"
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"

echo "$stamp" > "$out.made-by"
