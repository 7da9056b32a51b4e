// The optional map (DIRECTORY_MAP_ENABLED): Leaflet from our own static files, tiles from the
// configured server. The list of results stays the primary view; the map only mirrors it.
(function () {
  "use strict";
  var box = document.getElementById("map");
  if (!box || !window.L) { return; }
  var points = Array.prototype.slice.call(box.querySelectorAll("[data-lat]"));
  if (!points.length) { return; }
  var map = window.L.map(box, { scrollWheelZoom: false });
  window.L.tileLayer(box.getAttribute("data-tiles"), {
    attribution: box.getAttribute("data-attribution"), maxZoom: 18
  }).addTo(map);
  var bounds = [];
  points.forEach(function (point) {
    var at = [parseFloat(point.getAttribute("data-lat")), parseFloat(point.getAttribute("data-lon"))];
    var link = document.createElement("a");
    link.href = point.getAttribute("data-url");
    link.textContent = point.getAttribute("data-name");
    window.L.marker(at).addTo(map).bindPopup(link);
    bounds.push(at);
  });
  map.fitBounds(bounds, { maxZoom: 15, padding: [20, 20] });
}());
