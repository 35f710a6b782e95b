/*
 * OneWindow (一窗通办): the little behaviour the pages need that HTML alone cannot give.
 * Loaded from our own origin (the Content-Security-Policy forbids inline scripts).
 *
 * - Marks the document as scripted (`html.js`), so CSS may collapse the navigation on a
 *   phone; without the script the navigation simply stays open.
 * - Menu buttons (`[data-nav-toggle]`, `aria-controls` = the navigation's id) open and close
 *   that navigation and keep `aria-expanded` true to what is shown.
 */
"use strict";

document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-nav-toggle]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("aria-controls"));
    if (!target) {
      return;
    }
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      target.classList.toggle("is-open", open);
    });
  });
});
