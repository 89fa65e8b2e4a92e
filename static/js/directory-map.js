/* The map of the places directory: an enhancement of the list, which gives the same places in the same order.
   Reads its data from the JSON island `carte-lieux-donnees` (no inline script: the CSP forbids it), then shows
   the hidden map block. Markers are reachable with the keyboard (Tab, then Enter opens the place's bubble);
   Tab leaves the map like any other element, and a link before it skips to the list. */
(function () {
  "use strict";
  var island = document.getElementById("carte-lieux-donnees");
  var block = document.getElementById("carte");
  var container = document.getElementById("carte-lieux");
  if (!island || !block || !container || typeof window.L === "undefined") {
    return;
  }
  var data = JSON.parse(island.textContent);
  block.hidden = false;

  var map = window.L.map(container, { zoomControl: false, scrollWheelZoom: false });
  window.L.control.zoom({ zoomInTitle: "Zoomer", zoomOutTitle: "Dézoomer" }).addTo(map);
  map.attributionControl.setPrefix(false);
  window.L.tileLayer(data.tuiles, { attribution: data.attribution, maxZoom: 19 }).addTo(map);

  function bubble(place) {
    var content = document.createElement("div");
    var title = document.createElement("p");
    title.className = "fr-text--bold fr-mb-1v";
    var link = document.createElement("a");
    link.href = place.url;
    link.textContent = place.rang + ". " + place.nom;
    title.appendChild(link);
    var details = document.createElement("p");
    details.className = "fr-mb-0";
    details.textContent = place.distance + " · " + place.adresse;
    content.appendChild(title);
    content.appendChild(details);
    return content;
  }

  var points = [[data.centre.latitude, data.centre.longitude]];
  data.lieux.forEach(function (place) {
    var marker = window.L.marker([place.latitude, place.longitude], {
      alt: place.rang + ". " + place.nom + ", " + place.distance,
      title: place.nom,
      keyboard: true,
    });
    marker.bindPopup(bubble(place));
    marker.addTo(map);
    points.push([place.latitude, place.longitude]);
  });
  map.fitBounds(window.L.latLngBounds(points), { padding: [24, 24], maxZoom: 15 });
})();
