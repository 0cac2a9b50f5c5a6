/* On a phone the recommendation list's filters start folded, so the results come
   first; on a wider screen they stay open. Without JavaScript they are open. */
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 40rem)");
  var folds = document.querySelectorAll("details[data-fold-on-phone]");
  function fit() {
    folds.forEach(function (details) { details.open = !narrow.matches; });
  }
  fit();
  narrow.addEventListener("change", fit);
})();
