/* The orientation slip's « Imprimer la fiche » button: shown only when this script runs, it opens the browser's
   print window. Without JavaScript the page says in words how to print, and offers the PDF. */
(function () {
  "use strict";
  var item = document.getElementById("imprimer-fiche-item");
  var button = document.getElementById("imprimer-fiche");
  var words = document.getElementById("imprimer-sans-bouton");
  if (!item || !button || typeof window.print !== "function") {
    return;
  }
  item.hidden = false;
  if (words) {
    words.hidden = true;
  }
  button.addEventListener("click", function () {
    window.print();
  });
})();
