/* The map of the places directory: an enhancement of the list, which gives the same places in the same order.
   Started by `map-start.js` from the JSON island `carte-lieux-donnees`. Markers are reachable with the keyboard
   (Tab, then Enter opens the place's bubble); Tab leaves the map like any other element, and a link before it
   skips to the list. */
(function () {
  "use strict";
  var started = window.medianeMap("carte-lieux-donnees", "carte-lieux", 19);
  if (!started) {
    return;
  }
  var map = started.map;
  var data = started.data;

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
