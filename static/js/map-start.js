/* The start of every map of the site (the places directory, the programme's dashboard): each map is an enhancement
   of a list or a table that gives the same information. `window.medianeMap(islandId, containerId, maxZoom)` reads
   the map's data from its JSON island (no inline script: the CSP forbids it), shows the hidden block `carte`, and
   returns { map, data } with the zoom buttons in French and the configured tiles; null when Leaflet or the page's
   elements are missing, and the list or table stays the content. */
(function () {
  "use strict";
  window.medianeMap = function (islandId, containerId, maxZoom) {
    var island = document.getElementById(islandId);
    var block = document.getElementById("carte");
    var container = document.getElementById(containerId);
    if (!island || !block || !container || typeof window.L === "undefined") {
      return null;
    }
    var data = JSON.parse(island.textContent);
    block.hidden = false;
    var map = window.L.map(container, { zoomControl: false, scrollWheelZoom: false });
    window.L.control.zoom({ zoomInTitle: "Zoomer", zoomOutTitle: "Dézoomer" }).addTo(map);
    map.attributionControl.setPrefix(false);
    window.L.tileLayer(data.tuiles, { attribution: data.attribution, maxZoom: maxZoom }).addTo(map);
    return { map: map, data: data };
  };
})();
