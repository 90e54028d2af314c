// Commune pickers: an input with data-commune-search="<url>" lists the communes whose name
// matches what is typed (with or without diacritics), with district, province and the unit
// after the 2025 reform. ↓ goes into the list, ↑ / ↓ move, Enter or a click takes one: its
// code goes into the input named by data-commune-into (appended to a comma list with
// data-commune-append), its label into the search box. IME-safe: nothing acts while composing.
(function () {
  "use strict";
  document.querySelectorAll("input[data-commune-search]").forEach(function (input) {
    var target = document.getElementById(input.dataset.communeInto);
    var append = input.hasAttribute("data-commune-append");
    var list = input.parentElement.querySelector(".picklist");
    var after = input.parentElement.querySelector("[id$=-after]");
    var timer = null, seq = 0;

    function take(hit) {
      if (append) {
        var codes = target.value.split(/[,\s]+/).filter(Boolean);
        if (codes.indexOf(hit.code) < 0) codes.push(hit.code);
        target.value = codes.join(", ");
        input.value = "";
      } else {
        target.value = hit.code;
        input.value = hit.label;
      }
      if (after) after.textContent = hit.after ? after.dataset.prefix + hit.after : "";
      list.innerHTML = "";
      input.focus();
    }
    function show(hits, q) {
      list.innerHTML = "";
      list.dataset.q = q;
      hits.forEach(function (h) {
        var li = document.createElement("li");
        var b = document.createElement("button");
        b.type = "button"; b.className = "pick"; b.setAttribute("role", "option"); b.dataset.code = h.code;
        b.textContent = h.label + (h.after ? " → " + h.after : "");
        b.addEventListener("click", function () { take(h); });
        b.addEventListener("keydown", function (e) {
          if (e.isComposing || e.keyCode === 229) return;
          var items = list.querySelectorAll("button.pick"), i = Array.prototype.indexOf.call(items, b);
          if (e.key === "ArrowDown" && i < items.length - 1) { e.preventDefault(); items[i + 1].focus(); }
          else if (e.key === "ArrowUp") { e.preventDefault(); (i > 0 ? items[i - 1] : input).focus(); }
          else if (e.key === "Escape") { e.preventDefault(); list.innerHTML = ""; input.focus(); }
        });
        li.appendChild(b);
        list.appendChild(li);
      });
    }
    input.addEventListener("input", function () {
      if (!append) target.value = "";
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { list.innerHTML = ""; return; }
      timer = setTimeout(function () {
        var mine = ++seq;
        fetch(input.dataset.communeSearch + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
          .then(function (r) { return r.json(); })
          .then(function (d) { if (mine === seq) show(d.communes || [], q); });
      }, 150);
    });
    input.addEventListener("keydown", function (e) {
      if (e.isComposing || e.keyCode === 229) return;
      var first = list.querySelector("button.pick");
      if (e.key === "ArrowDown" && first) { e.preventDefault(); first.focus(); }
      else if (e.key === "Enter" && first && !target.value) { e.preventDefault(); first.click(); }
      else if (e.key === "Escape") { list.innerHTML = ""; }
    });
  });
})();
