// The map: Natural Earth countries (world-atlas, shipped) as the base layer,
// no tile server; one circle per place, sized by its events. Text from the
// data is set with textContent only.
(function () {
  "use strict";
  var box = document.getElementById("map");
  var count = document.getElementById("map-count");
  var map = L.map(box, { preferCanvas: true, worldCopyJump: true, minZoom: 1 }).setView([30, 20], 2);
  var renderer = L.canvas({ padding: 0.5 });
  fetch("/static/vendor/world-atlas/countries-50m.json").then(function (r) { return r.json(); }).then(function (topo) {
    var land = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(land, { renderer: renderer, interactive: false,
      style: { color: "#8a97aa", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map).bringToBack();
  });
  var q = box.dataset.query;
  fetch("/map.json" + (q ? "?" + q : "")).then(function (r) { return r.json(); }).then(function (data) {
    if (data.error) { count.textContent = data.error; return; }
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
    box.dataset.ready = String(data.n_places);
  });
})();
