/*
 * Ratings on the public portal, from our own origin (CSP): on the rating form, show only the tags of
 * the chosen level's group (`data-tag-group`: good for 5 and 4, basic for 3, bad for 2 and 1). Without
 * scripts every group stays visible, each with its heading.
 */
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".rating-form").forEach(function (form) {
    var groupOf = function (level) {
      if (level >= 4) {
        return "good";
      }
      return level === 3 ? "basic" : "bad";
    };
    var update = function () {
      var chosen = form.querySelector('input[name="level"]:checked');
      var group = chosen ? groupOf(parseInt(chosen.value, 10)) : null;
      form.querySelectorAll("[data-tag-group]").forEach(function (block) {
        var shown = group === null || block.getAttribute("data-tag-group") === group;
        if (!shown) {
          block.querySelectorAll("input:checked").forEach(function (input) {
            input.checked = false;
          });
        }
        block.hidden = !shown;
      });
    };
    form.querySelectorAll('input[name="level"]').forEach(function (radio) {
      radio.addEventListener("change", update);
    });
    update();
  });
});
