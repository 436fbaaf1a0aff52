// The list filters sit in a closed <details> on phones; on wider screens they open at once.
// Without JavaScript the stylesheet shows them there anyway (::details-content).
"use strict";
if (window.matchMedia("(min-width: 52rem)").matches) {
  for (const details of document.querySelectorAll("details.filters-disclosure")) {
    details.open = true;
  }
}
