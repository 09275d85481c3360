// Review tables outside the article view (the incident page): a verdict
// button posts the review of one field; the reviewer's name is the one given
// at the top of the page. Text is set with textContent only.
(function () {
  "use strict";
  var token = document.querySelector('meta[name="review-token"]').content;
  if (!token) { return; }
  document.querySelectorAll(".review-table button[data-verdict]").forEach(function (b) {
    b.addEventListener("click", function () {
      var table = b.closest(".review-table");
      var row = b.closest("tr");
      var status = row.querySelector(".saved");
      var who = (localStorage.getItem("reportedly.reviewer") || "").trim();
      if (!who) { status.textContent = "enter your name at the top first"; return; }
      fetch("/api/reviews", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Review-Token": token },
        body: JSON.stringify({ reviewer: who, kind: table.dataset.kind, article_id: table.dataset.article,
          record_id: table.dataset.record, field: row.dataset.field, verdict: b.dataset.verdict,
          correct: row.querySelector(".correct").value || null, note: row.querySelector(".note").value || null })
      }).then(function (res) { return res.json().then(function (j) { return [res.ok, j]; }); })
        .then(function (x) {
          status.textContent = x[0] ? "saved: " + b.dataset.verdict : "not saved: " + x[1].error;
          if (x[0]) { row.querySelectorAll("button").forEach(function (o) { o.classList.toggle("on", o === b); }); }
        });
    });
  });
})();
