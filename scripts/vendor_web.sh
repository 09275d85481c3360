#!/usr/bin/env bash
# Copy the web app's third-party assets from the npm registry into the package
# (reportedly/web/static/vendor/), each with its licence, so the app never
# loads anything from a CDN. Run by a maintainer when a version changes; the
# files are committed. Versions are pinned here and listed in PROVENANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=reportedly/web/static/vendor
PKGS="leaflet@1.9.4 world-atlas@2.0.2 topojson-client@3.1.0 swagger-ui-dist@5.36.0"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
( cd "$TMP" && npm pack --silent $PKGS > packed.txt )
rm -rf "$DEST" && mkdir -p "$DEST"
unpack() { mkdir -p "$TMP/$1" && tar xzf "$TMP/$2" -C "$TMP/$1"; }
unpack leaflet leaflet-1.9.4.tgz
unpack world-atlas world-atlas-2.0.2.tgz
unpack topojson-client topojson-client-3.1.0.tgz
unpack swagger-ui swagger-ui-dist-5.36.0.tgz
mkdir -p "$DEST/leaflet/images" "$DEST/world-atlas" "$DEST/topojson-client" "$DEST/swagger-ui"
cp "$TMP/leaflet/package/dist/leaflet.js" "$TMP/leaflet/package/dist/leaflet.css" "$TMP/leaflet/package/LICENSE" "$DEST/leaflet/"
cp "$TMP/leaflet/package/dist/images/"*.png "$DEST/leaflet/images/"
cp "$TMP/world-atlas/package/countries-50m.json" "$TMP/world-atlas/package/LICENSE" "$DEST/world-atlas/"
cp "$TMP/topojson-client/package/dist/topojson-client.min.js" "$TMP/topojson-client/package/LICENSE" "$DEST/topojson-client/"
cp "$TMP/swagger-ui/package/swagger-ui-bundle.js" "$TMP/swagger-ui/package/swagger-ui.css" \
   "$TMP/swagger-ui/package/LICENSE" "$TMP/swagger-ui/package/NOTICE" "$DEST/swagger-ui/"
{
  echo "# Third-party web assets"
  echo
  echo "Copied from the npm registry by \`scripts/vendor_web.sh\`; each folder keeps its LICENSE."
  echo
  echo "| package | version | licence | files | sha256 of the npm tarball |"
  echo "|---|---|---|---|---|"
  for spec in "leaflet 1.9.4 BSD-2-Clause leaflet-1.9.4.tgz" \
              "world-atlas 2.0.2 ISC (data: Natural Earth, public domain) world-atlas-2.0.2.tgz" \
              "topojson-client 3.1.0 ISC topojson-client-3.1.0.tgz" \
              "swagger-ui-dist 5.36.0 Apache-2.0 swagger-ui-dist-5.36.0.tgz"; do
    set -- $spec
    name=$1; ver=$2; tgz=${!#}
    lic=$(echo "$spec" | sed -E "s/^$name $ver (.*) $tgz$/\1/")
    files=$(ls "$DEST/${name%-dist}" 2>/dev/null | tr '\n' ' ')
    [ -d "$DEST/$name" ] && files=$(ls "$DEST/$name" | tr '\n' ' ')
    echo "| $name | $ver | $lic | $files | $(sha256sum "$TMP/$tgz" | cut -d' ' -f1) |"
  done
} > "$DEST/PROVENANCE.md"
echo "vendored into $DEST"
