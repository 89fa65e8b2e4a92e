/* The dashboard's map of the départements: an enhancement of the département table, which gives the same figures.
   Reads its data from the JSON island `carte-departements-donnees` (no inline script: the CSP forbids it), then
   shows the hidden map block. One marker per département at its centre, labelled with the people helped there;
   markers are reachable with the keyboard (Tab, then Enter opens the bubble). */
(function () {
  "use strict";
  var island = document.getElementById("carte-departements-donnees");
  var block = document.getElementById("carte");
  var container = document.getElementById("carte-departements");
  if (!island || !block || !container || typeof window.L === "undefined") {
    return;
  }
  var data = JSON.parse(island.textContent);
  block.hidden = false;

  var map = window.L.map(container, { zoomControl: false, scrollWheelZoom: false });
  window.L.control.zoom({ zoomInTitle: "Zoomer", zoomOutTitle: "Dézoomer" }).addTo(map);
  map.attributionControl.setPrefix(false);
  window.L.tileLayer(data.tuiles, { attribution: data.attribution, maxZoom: 12 }).addTo(map);

  var largest = Math.max.apply(null, data.marqueurs.map(function (marker) { return marker.personnes; }));
  var points = [];
  data.marqueurs.forEach(function (place) {
    var radius = 6 + 18 * Math.sqrt(place.personnes / largest);
    var marker = window.L.circleMarker([place.latitude, place.longitude], {
      radius: radius,
      color: "#000091",
      weight: 1,
      fillOpacity: 0.5,
    });
    var content = document.createElement("p");
    content.className = "fr-mb-0";
    content.textContent = place.texte;
    marker.bindPopup(content);
    marker.bindTooltip(place.texte);
    marker.addTo(map);
    points.push([place.latitude, place.longitude]);
  });
  map.fitBounds(window.L.latLngBounds(points), { padding: [24, 24], maxZoom: 8 });
})();
