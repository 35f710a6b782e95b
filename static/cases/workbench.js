/*
 * Cases workbench (办件): the little behaviour the case pages need, from our own origin (CSP).
 *
 * - `[data-print]` buttons print the page (the intake receipt).
 * - `[data-js-hide]` elements are fallbacks for browsers without scripts (the "切换情形" button,
 *   whose work htmx does on change); with scripts they are hidden.
 */
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });
  document.querySelectorAll("[data-js-hide]").forEach(function (element) {
    element.hidden = true;
  });
});
