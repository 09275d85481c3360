// Common to every page: the reviewer's name is kept in this browser.
(function () {
  "use strict";
  var input = document.getElementById("reviewer");
  if (!input) { return; }
  input.value = localStorage.getItem("reportedly.reviewer") || "";
  input.addEventListener("change", function () {
    localStorage.setItem("reportedly.reviewer", input.value.trim());
  });
  var form = document.getElementById("reviewer-form");
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
})();
