/*
 * Cases on the public portal: the little behaviour the applicant pages need, from our own origin (CSP).
 *
 * - Each material of the online application shows only the inputs of the way it is provided:
 *   blocks marked `data-when="pledge"` (space-separated values) appear when that provision is
 *   chosen. Without scripts every input simply stays visible.
 * - `[data-print]` buttons print the page (the submission receipt).
 */
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-material]").forEach(function (material) {
    var radios = material.querySelectorAll('input[type="radio"]');
    if (!radios.length) {
      return;
    }
    var update = function () {
      var chosen = material.querySelector('input[type="radio"]:checked');
      var value = chosen ? chosen.value : "uploaded";
      material.querySelectorAll("[data-when]").forEach(function (block) {
        var shown = block.getAttribute("data-when").split(" ").indexOf(value) !== -1;
        // Keep a block with an error visible, so the message is never hidden.
        block.hidden = !shown && !block.querySelector(".errorlist");
      });
    };
    radios.forEach(function (radio) {
      radio.addEventListener("change", update);
    });
    update();
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });
});
