// The review screen: keyboard first. Enter confirms (anywhere but the F2 reason box), Tab and
// Shift+Tab move between fields, F2 flags the entry missing / unclear (keeping what was typed),
// F4 gives it back, F1 lists the keys. No single-letter shortcuts, so typing Vietnamese through
// Telex / VNI is never disturbed, and no key acts while an input method is composing.
(function () {
  "use strict";
  var form = document.getElementById("confirm-form");
  if (!form) return;
  var held = form.dataset.held === "true";
  var id = form.dataset.record;
  var flagForm = document.getElementById("flag-form");
  var dialog = document.getElementById("keys-dialog");

  // One submission per form: a second Enter while the next entry loads does nothing.
  document.querySelectorAll("form").forEach(function (f) {
    f.addEventListener("submit", function (e) {
      if (f.dataset.sent) { e.preventDefault(); return; }
      f.dataset.sent = "1";
    });
  });

  // The field the clerk was in, to come back to after using the mouse on the page image.
  var fields = form.querySelectorAll("input:not([type=hidden])");
  var lastField = form.querySelector("input[autofocus]") || fields[0];
  fields.forEach(function (i) { i.addEventListener("focus", function () { lastField = i; }); });
  function backToForm() {
    var a = document.activeElement;
    if (lastField && (!a || a === document.body || !a.closest("form, dialog"))) lastField.focus();
  }

  // F2 saves what is in the fields together with the flag: the flag form carries a copy of them.
  if (flagForm) {
    flagForm.addEventListener("submit", function () {
      flagForm.querySelectorAll("input.copied").forEach(function (c) { c.remove(); });
      fields.forEach(function (i) {
        var c = document.createElement("input");
        c.type = "hidden"; c.className = "copied"; c.name = i.name; c.value = i.value;
        flagForm.appendChild(c);
      });
    });
  }
  function openFlag() {
    flagForm.classList.remove("hidden");
    document.getElementById("flag-reason").focus();
  }
  function closeFlag() {
    flagForm.classList.add("hidden");
    if (lastField) lastField.focus();
  }
  var flagOpen = document.getElementById("flag-open");
  if (flagOpen) flagOpen.addEventListener("click", openFlag);

  function inFlagBox(el) { return flagForm && el && flagForm.contains(el); }
  function inOtherForm(el) {
    var f = el && el.closest && el.closest("form, dialog");
    return f && f !== form;
  }

  document.addEventListener("keydown", function (e) {
    if (e.isComposing || e.keyCode === 229) return;
    if (e.key === "F1") {
      e.preventDefault();
      if (dialog.open) dialog.close(); else dialog.showModal();
      return;
    }
    if (!held) return;
    if (e.key === "F2" && flagForm) {
      e.preventDefault();
      openFlag();
    } else if (e.key === "Escape" && flagForm && !flagForm.classList.contains("hidden")) {
      e.preventDefault();
      closeFlag();
    } else if (e.key === "F4" && document.getElementById("release-form")) {
      e.preventDefault();
      document.getElementById("release-form").requestSubmit();
    } else if (e.key === "Enter" && !e.defaultPrevented && !inFlagBox(e.target) && !inOtherForm(e.target)
               && !(e.target.matches && e.target.matches("#confirm-form input"))) {
      // Focus on the page image, a button or nowhere: Enter still confirms.
      e.preventDefault();
      form.requestSubmit();
    }
  });
  if (dialog) {
    document.getElementById("keys-close").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", backToForm);
  }
  // Suggestion buttons (the mouse way; ↓ in the field is the keyboard way).
  document.querySelectorAll(".sugg").forEach(function (b) {
    b.addEventListener("click", function () {
      var input = document.getElementById(b.dataset.for);
      input.value = b.dataset.value !== undefined ? b.dataset.value : b.textContent;
      input.focus();
    });
  });

  // Keep the lease while the page is open (a check renews its own lease; a page without one
  // names none).
  var leaseURL = form.dataset.lease === undefined ? "/review/records/" + id + "/lease" : form.dataset.lease;
  if (held && leaseURL) {
    setInterval(function () {
      fetch(leaseURL, { method: "POST", credentials: "same-origin" });
    }, 60000);
  }

  // Zoom with the wheel, pan by dragging; the keyboard focus stays in (or returns to) the form.
  var box = document.getElementById("pagebox"), page = document.getElementById("page");
  var scale = 1, x = 0, y = 0, drag = null;
  function apply() { page.style.transform = "translate(" + x + "px," + y + "px) scale(" + scale + ")"; }
  box.addEventListener("wheel", function (e) {
    e.preventDefault();
    var r = box.getBoundingClientRect(), px = e.clientX - r.left, py = e.clientY - r.top;
    var next = Math.min(8, Math.max(1, scale * (e.deltaY < 0 ? 1.2 : 1 / 1.2)));
    x = px - (px - x) * next / scale; y = py - (py - y) * next / scale; scale = next;
    if (scale === 1) { x = 0; y = 0; }
    apply();
    backToForm();
  }, { passive: false });
  box.addEventListener("mousedown", function (e) {
    e.preventDefault(); // no focus on the image, no text selection
    drag = { sx: e.clientX - x, sy: e.clientY - y };
  });
  window.addEventListener("mouseup", function () {
    if (drag) { drag = null; backToForm(); }
  });
  window.addEventListener("mousemove", function (e) {
    if (!drag) return;
    x = e.clientX - drag.sx; y = e.clientY - drag.sy; apply();
  });
  box.addEventListener("focus", backToForm);

  // Open the page zoomed on the entry's outline.
  var outline = page.querySelector(".outline");
  if (outline && outline.style.display !== "none") {
    var top = parseFloat(outline.style.top) / 100;
    var img = page.querySelector("img");
    img.addEventListener("load", function () {
      // As large as fits the entry's width in the view, at most 3×.
      var frac = parseFloat(outline.style.width) / 100;
      scale = Math.min(3, Math.max(1, (box.clientWidth - 40) / (frac * page.offsetWidth)));
      y = -top * page.offsetHeight * scale + 40;
      x = -parseFloat(outline.style.left) / 100 * page.offsetWidth * scale + 20;
      apply();
    });
    if (img.complete) img.dispatchEvent(new Event("load"));
  }
})();
