// The map: Natural Earth countries (world-atlas, shipped) as the base layer,
// no tile server; one circle per place, sized by its events. Text from the
// data is set with textContent only. When the circles are drawn, #map gets
// data-ready (the number of places) and data-markers, and the performance mark
// "map-ready" is set (bench/web_browser.py times it); on a failure, data-error.
(function () {
  "use strict";
  var box = document.getElementById("map");
  var count = document.getElementById("map-count");
  var map = L.map(box, { preferCanvas: true, worldCopyJump: true, minZoom: 1 }).setView([30, 20], 2);
  var renderer = L.canvas({ padding: 0.5 });

  // world-atlas is cut for a spherical projection: a ring that crosses the
  // antimeridian (Alaska, Chukotka, Fiji) jumps from +180 to -180 and would
  // draw a band across the whole flat map. Unwrap such rings past 180; drop a
  // ring that goes round a pole (Antarctica), which cannot be unwrapped.
  function unwrap(ring) {
    var out = [], shift = 0, prev = null;
    for (var i = 0; i < ring.length; i++) {
      var x = ring[i][0] + shift;
      if (prev !== null && x - prev > 180) { shift -= 360; x -= 360; }
      else if (prev !== null && prev - x > 180) { shift += 360; x += 360; }
      out.push([x, ring[i][1]]);
      prev = x;
    }
    return shift === 0 ? out : null;
  }
  function polygon(rings) {
    var outer = unwrap(rings[0]);
    if (!outer) { return null; }
    return [outer].concat(rings.slice(1).map(unwrap).filter(Boolean));
  }
  function flat(feature) {
    var g = feature.geometry;
    if (!g) { return feature; }
    var polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : null;
    if (!polys) { return feature; }
    var kept = polys.map(polygon).filter(Boolean);
    return { type: "Feature", properties: feature.properties,
      geometry: kept.length ? { type: "MultiPolygon", coordinates: kept } : null };
  }

  function failed(what, err) {
    count.textContent = "could not load " + what + ": " + (err && err.message ? err.message : String(err));
    box.dataset.error = what;
  }

  function json(url) {
    return fetch(url).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { throw new Error(j && j.error ? j.error : "HTTP " + r.status); }
        return j;
      });
    });
  }

  json("/static/vendor/world-atlas/countries-50m.json").then(function (topo) {
    var land = topojson.feature(topo, topo.objects.countries);
    land.features = land.features.map(flat).filter(function (f) { return f.geometry; });
    L.geoJSON(land, { renderer: renderer, interactive: false,
      style: { color: "#8a97aa", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map).bringToBack();
    box.dataset.land = String(land.features.length);
    if (window.performance && performance.mark) { performance.mark("map-land"); }
  }).catch(function (err) { failed("the base map", err); });

  var q = box.dataset.query;
  json("/map.json" + (q ? "?" + q : "")).then(function (data) {
    count.textContent = data.n_events.toLocaleString() + " located events at " + data.n_places.toLocaleString() + " places";
    var layer = L.featureGroup();
    data.places.forEach(function (p) {
      var m = L.circleMarker([p.lat, p.lon], { renderer: renderer, radius: Math.min(4 + Math.sqrt(p.n) * 1.6, 30),
        color: "#8c2d19", weight: 1, fillColor: "#d9583b", fillOpacity: 0.55 });
      m.bindPopup(function () {
        var div = document.createElement("div");
        var h = document.createElement("b"); h.textContent = (p.place_name || "?") + ": " + p.n + " events"; div.appendChild(h);
        var ul = document.createElement("ul");
        p.events.forEach(function (e) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = "/articles/" + encodeURIComponent(e.article_id) + "#e-" + encodeURIComponent(e.event_id);
          a.textContent = (e.date || "") + " " + e.type + ": " + (e.actor || "—") + " → " + (e.recipient || "—");
          li.appendChild(a); ul.appendChild(li);
        });
        div.appendChild(ul);
        if (p.n > p.events.length) {
          var more = document.createElement("a");
          more.href = "/events?place=" + encodeURIComponent(p.geonames_id || p.place_name || "");
          more.textContent = "all " + p.n + " events here"; div.appendChild(more);
        }
        return div;
      });
      layer.addLayer(m);
    });
    layer.addTo(map);
    if (data.places.length) { map.fitBounds(layer.getBounds(), { maxZoom: 7, padding: [20, 20] }); }
    // the canvas is redrawn on the next animation frame: mark the map ready after it
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        box.dataset.markers = String(layer.getLayers().length);
        box.dataset.ready = String(data.n_places);
        if (window.performance && performance.mark) { performance.mark("map-ready"); }
      });
    });
  }).catch(function (err) { failed("the events", err); });
})();
