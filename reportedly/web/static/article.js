// The article view: a highlight shows its record in the side panel; the
// evidence of the chosen record is outlined. With --review, every field of an
// event, quote or place can be marked. Record text is only ever set with
// textContent, never parsed as HTML.
(function () {
  "use strict";
  var records = JSON.parse(document.getElementById("records").textContent);
  var panel = document.getElementById("panel");
  var token = document.querySelector('meta[name="review-token"]').content;
  var segs = Array.prototype.slice.call(document.querySelectorAll(".hl"));
  var byId = {};
  segs.forEach(function (s) {
    s.dataset.ids.split(" ").forEach(function (id) { (byId[id] = byId[id] || []).push(s); });
  });
  var articleId = document.querySelector(".article-view").dataset.article;
  var VERDICTS = { real: ["yes", "no"] };
  var DEFAULT = ["right", "wrong", "missing", "rightly_empty"];

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function label(id) {
    var r = records[id];
    if (!r) { return id; }
    var x = r.record;
    if (r.kind === "event") { return "event " + x.type + ": " + (x.trigger ? x.trigger.text : ""); }
    if (r.kind === "quote") { return "quote (" + x.kind + ")" + (x.speaker ? " by " + x.speaker.text : ""); }
    if (r.kind === "actor") { return "actor " + x.name; }
    return "place " + x.name;
  }

  function reviewRow(id, r, field, value) {
    var tr = el("tr");
    tr.appendChild(el("td", field));
    tr.appendChild(el("td", value === "" ? "(empty)" : value));
    var td = el("td", null, "review");
    var correct = el("input"); correct.placeholder = "right value (optional)";
    var note = el("input"); note.placeholder = "note (optional)";
    var status = el("span", "", "saved");
    (VERDICTS[field] || DEFAULT).forEach(function (verdict) {
      var b = el("button", verdict); b.type = "button";
      b.addEventListener("click", function () {
        var who = (localStorage.getItem("reportedly.reviewer") || "").trim();
        if (!who) { status.textContent = "enter your name at the top first"; return; }
        fetch("/api/reviews", {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Review-Token": token },
          body: JSON.stringify({ reviewer: who, kind: r.kind, article_id: articleId,
            record_id: r.record.id, field: field, verdict: verdict, correct: correct.value || null, note: note.value || null })
        }).then(function (res) { return res.json().then(function (j) { return [res.ok, j]; }); })
          .then(function (x) {
            status.textContent = x[0] ? "saved: " + verdict : "not saved: " + x[1].error;
            if (x[0]) { td.querySelectorAll("button").forEach(function (o) { o.classList.toggle("on", o === b); }); }
          });
      });
      td.appendChild(b);
    });
    td.appendChild(correct); td.appendChild(note); td.appendChild(status);
    tr.appendChild(td);
    return tr;
  }

  function show(ids, chosen) {
    segs.forEach(function (s) { s.classList.remove("active"); });
    (byId[chosen] || []).forEach(function (s) { s.classList.add("active"); });
    panel.textContent = "";
    if (ids.length > 1) {
      var pick = el("p", "Here: ");
      ids.forEach(function (id) {
        var a = el("a", label(id)); a.href = "#" + id;
        a.addEventListener("click", function (ev) { ev.preventDefault(); show(ids, id); });
        pick.appendChild(a); pick.appendChild(document.createTextNode(" · "));
      });
      panel.appendChild(pick);
    }
    var r = records[chosen];
    if (!r) { return; }
    panel.appendChild(el("h3", label(chosen)));
    if (r.kind === "actor" && r.entity && r.entity.entity_id) {
      var a = el("a", "canonical actor: " + r.entity.entity_name); a.href = "/actors/" + encodeURIComponent(r.entity.entity_id);
      panel.appendChild(el("p")).appendChild(a);
    }
    if (r.kind === "event" && r.incident) {
      var i = el("a", "incident " + r.incident); i.href = "/incidents/" + encodeURIComponent(r.incident);
      panel.appendChild(el("p")).appendChild(i);
    }
    if (r.fields) {
      var table = el("table");
      Object.keys(r.fields).forEach(function (f) {
        if (token) { table.appendChild(reviewRow(chosen, r, f, r.fields[f])); }
        else {
          var tr = el("tr"); tr.appendChild(el("td", f)); tr.appendChild(el("td", r.fields[f] === "" ? "(empty)" : r.fields[f]));
          table.appendChild(tr);
        }
      });
      panel.appendChild(table);
    }
    panel.appendChild(el("pre", JSON.stringify(r.record, null, 1)));
  }

  // The length of the span of record ``id`` that covers segment ``s``: the run
  // of adjacent highlights that all carry the id.
  function spanLength(s, id) {
    function has(x) { return x && x.classList && x.classList.contains("hl") && x.dataset.ids.split(" ").indexOf(id) >= 0; }
    var n = s.textContent.length, x;
    for (x = s.previousSibling; has(x); x = x.previousSibling) { n += x.textContent.length; }
    for (x = s.nextSibling; has(x); x = x.nextSibling) { n += x.textContent.length; }
    return n;
  }

  // the record a highlight shows first: an event on its trigger; elsewhere the
  // record with the shortest span here (an actor or a place inside a quote),
  // an event's evidence last
  function chosen(s, ids) {
    if (s.classList.contains("ev")) {
      var ev = ids.filter(function (id) { return id.indexOf("e-") === 0; })[0];
      if (ev) { return ev; }
    }
    var best = null, bestLen = Infinity;
    ids.forEach(function (id) {
      if (!records[id] || records[id].kind === "event") { return; }
      var n = spanLength(s, id);
      if (n < bestLen) { best = id; bestLen = n; }
    });
    return best || ids[0];
  }

  segs.forEach(function (s) {
    var ids = s.dataset.ids.split(" ");
    s.addEventListener("mouseenter", function () { if (!panel.dataset.pinned) { show(ids, chosen(s, ids)); } });
    s.addEventListener("click", function () { panel.dataset.pinned = "1"; show(ids, chosen(s, ids)); });
  });
  document.querySelectorAll("[data-rid]").forEach(function (a) {
    a.addEventListener("click", function () { panel.dataset.pinned = "1"; show([a.dataset.rid], a.dataset.rid); });
  });
  // a record named in the URL (#e-..., #q-...): shown, outlined and scrolled to
  function fromHash() {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (!records[hash]) { return; }
    panel.dataset.pinned = "1";
    show([hash], hash);
    if (byId[hash]) { byId[hash][0].scrollIntoView({ block: "center" }); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
