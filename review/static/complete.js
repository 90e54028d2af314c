// Keying assistance: a list of candidates under the field being typed into.
// - <input data-complete="URL"> fetches URL&q=VALUE as the clerk types (debounced) and lists the
//   candidates; <input data-suggestions='["…"]'> offers those when ↓ is pressed.
// - ↓/↑ move, Enter or Tab takes the highlighted candidate (Enter with none highlighted is the
//   form's own Enter), Esc closes. F3 copies data-previous: the same field of the entry above.
// IME-safe: nothing is done with a key while an IME composes (isComposing, keyCode 229), no
// letter or digit is a shortcut, and focus never leaves the field, so Telex and VNI keep working.
(function () {
  "use strict";
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = "/static/complete.css";
  document.head.appendChild(css);

  var list = document.createElement("ul");
  list.className = "cl-list hidden";
  list.id = "cl-list";
  list.setAttribute("role", "listbox");
  document.body.appendChild(list);

  var owner = null;   // the input the list belongs to
  var items = [];     // candidate values shown
  var active = -1;    // highlighted index, -1 none
  var timer = 0, seq = 0;
  var swallow = false; // the Enter that took a candidate: its keypress must not submit the form
  var warned = null;   // the unaccented value an Enter was already held back for once
  var english = (document.documentElement.lang || "").indexOf("en") === 0;

  // bare is v without diacritics, lower case: "Nguyễn Văn" → "nguyen van".
  function bare(v) {
    return v.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  // accentedTwin is the listed candidate that is value with its diacritics, when value has none.
  function accentedTwin(value) {
    if (!value.trim() || /[\u0300-\u036fđĐ]/.test(value.normalize("NFD"))) return "";
    for (var i = 0; i < items.length; i++) {
      if (items[i] !== value && bare(items[i]) === bare(value)) return items[i];
    }
    return "";
  }

  function close() {
    list.classList.add("hidden");
    list.textContent = "";
    items = []; active = -1;
    if (owner) owner.removeAttribute("aria-activedescendant");
  }

  function place(input) {
    var r = input.getBoundingClientRect();
    list.style.left = (r.left + window.scrollX) + "px";
    list.style.top = (r.bottom + window.scrollY + 2) + "px";
    list.style.minWidth = r.width + "px";
  }

  function show(input, values) {
    close();
    owner = input;
    if (!values.length) return;
    items = values.slice(0, 10);
    items.forEach(function (v, i) {
      var li = document.createElement("li");
      li.id = "cl-item-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = v;
      li.addEventListener("mousedown", function (e) { e.preventDefault(); take(i); });
      list.appendChild(li);
    });
    var hint = document.createElement("li");
    hint.className = "cl-hint";
    hint.textContent = "↓ ↑ · Enter / Tab · Esc";
    list.appendChild(hint);
    place(input);
    list.classList.remove("hidden");
  }

  function highlight(i) {
    active = i;
    Array.prototype.forEach.call(list.querySelectorAll("[role=option]"), function (li, j) {
      li.setAttribute("aria-selected", j === i ? "true" : "false");
    });
    if (i >= 0) {
      owner.setAttribute("aria-activedescendant", "cl-item-" + i);
      list.children[i].scrollIntoView({ block: "nearest" });
    } else {
      owner.removeAttribute("aria-activedescendant");
    }
  }

  function take(i) {
    var input = owner;
    input.value = items[i];
    close();
    input.setSelectionRange(input.value.length, input.value.length);
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function fetchFor(input) {
    var q = input.value;
    var n = ++seq;
    if (!q.trim()) { if (owner === input) close(); return; }
    fetch(input.dataset.complete + "&q=" + encodeURIComponent(q), { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (data) {
        // Only the answer to the latest request, and only while the field still holds what was asked.
        if (n !== seq || document.activeElement !== input || input.value !== q) return;
        var values = (data.candidates || []).map(function (c) { return c.value; })
          .filter(function (v) { return v !== q; });
        show(input, values);
      })
      .catch(function () {
        // A failed request must not leave an older list up for Enter or Tab to take from.
        if (n === seq && owner === input) close();
      });
  }

  // unhighlight: the field changed, so the highlighted candidate no longer answers what is in it;
  // Enter or Tab must not take it before the next answer arrives.
  function unhighlight(input) {
    if (owner === input && active >= 0) highlight(-1);
  }

  function schedule(input) {
    clearTimeout(timer);
    timer = setTimeout(function () { fetchFor(input); }, 120);
  }

  function suggestions(input) {
    try { return JSON.parse(input.dataset.suggestions || "[]"); } catch (e) { return []; }
  }

  function onKey(e) {
    var input = e.currentTarget;
    if (e.isComposing || e.keyCode === 229) return; // the IME owns this key
    var open = owner === input && items.length > 0;
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        if (open) { highlight(Math.min(active + 1, items.length - 1)); return; }
        var s = suggestions(input);
        if (s.length) { show(input, s); highlight(0); } else if (input.dataset.complete) { fetchFor(input); }
        return;
      case "ArrowUp":
        if (open) { e.preventDefault(); highlight(active - 1); }
        return;
      case "Enter":
      case "Tab":
        if (open && active >= 0) {
          if (e.key === "Enter") { e.preventDefault(); e.stopPropagation(); swallow = true; }
          take(active); // Tab then moves on with the value taken
          return;
        }
        // Enter on a value typed without diacritics while the list offers the same words with
        // them: hold the form back once and say so; a second Enter keeps what was typed.
        var twin = e.key === "Enter" && open ? accentedTwin(input.value) : "";
        if (twin && warned !== input.value) {
          e.preventDefault(); e.stopPropagation(); swallow = true;
          warned = input.value;
          var hint = list.querySelector(".cl-hint");
          hint.classList.add("cl-warn");
          hint.textContent = english
            ? "No diacritics — ↓ Enter takes “" + twin + "”, Enter again keeps what you typed"
            : "Chưa có dấu — ↓ Enter để chọn “" + twin + "”, Enter lần nữa để giữ nguyên";
          return;
        }
        close();
        return;
      case "Escape":
        if (open) { e.preventDefault(); e.stopPropagation(); close(); }
        return;
      case "F3":
        if (input.dataset.previous !== undefined) {
          e.preventDefault();
          input.value = input.dataset.previous;
          close();
          input.dispatchEvent(new Event("change", { bubbles: true }));
        }
        return;
    }
  }

  // Some platforms deliver Enter's keypress even when its keydown was handled: it must not
  // submit the form the candidate was taken in.
  document.addEventListener("keypress", function (e) {
    if (swallow && e.key === "Enter") e.preventDefault();
  }, true);
  document.addEventListener("submit", function (e) {
    if (swallow) { e.preventDefault(); e.stopPropagation(); }
  }, true);
  document.addEventListener("keyup", function (e) { if (e.key === "Enter") swallow = false; }, true);

  document.querySelectorAll("input[data-complete], input[data-suggestions], input[data-previous]").forEach(function (input) {
    input.addEventListener("keydown", onKey);
    if (input.dataset.complete) {
      input.addEventListener("input", function (e) { unhighlight(input); if (!e.isComposing) schedule(input); });
      input.addEventListener("compositionstart", function () { unhighlight(input); });
      input.addEventListener("compositionend", function () { schedule(input); });
    }
    input.addEventListener("blur", function () { if (owner === input) close(); });
  });
  window.addEventListener("resize", function () { if (owner && items.length) place(owner); });
})();
