/* The dashboard's map of the départements: an enhancement of the département table, which gives the same figures
   (a link before the map skips to it). Started by `map-start.js`. One circle per département at its centre, sized
   and labelled by the people helped there; the circles are not reachable with the keyboard (Leaflet's circle
   markers take no focus): the table is the way to the figures without a mouse. */
(function () {
  "use strict";
  var started = window.medianeMap("carte-departements-donnees", "carte-departements", 12);
  if (!started) {
    return;
  }
  var map = started.map;
  var data = started.data;

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
