// The review screen: keyboard first. Enter confirms (the browser submits the form), Tab and
// Shift+Tab move between fields, F2 flags the entry missing / unclear, F4 gives it back.
// No single-letter shortcuts, so typing Vietnamese through Telex / VNI is never disturbed.
(function () {
  "use strict";
  var form = document.getElementById("confirm-form");
  if (!form) return;
  var held = form.dataset.held === "true";
  var id = form.dataset.record;

  // One submission per form: a second Enter while the next entry loads does nothing.
  document.querySelectorAll("form").forEach(function (f) {
    f.addEventListener("submit", function (e) {
      if (f.dataset.sent) { e.preventDefault(); return; }
      f.dataset.sent = "1";
    });
  });

  document.addEventListener("keydown", function (e) {
    if (!held || e.isComposing) return;
    if (e.key === "F2") {
      e.preventDefault();
      var ff = document.getElementById("flag-form");
      ff.classList.remove("hidden");
      document.getElementById("flag-reason").focus();
    } else if (e.key === "Escape" && !document.getElementById("flag-form").classList.contains("hidden")) {
      e.preventDefault();
      document.getElementById("flag-form").classList.add("hidden");
      document.querySelector("#confirm-form input:not([type=hidden])").focus();
    } else if (e.key === "F4") {
      e.preventDefault();
      document.getElementById("release-form").requestSubmit();
    }
  });

  document.querySelectorAll(".sugg").forEach(function (b) {
    b.addEventListener("click", function () {
      var input = document.getElementById(b.dataset.for);
      input.value = b.textContent;
      input.focus();
    });
  });

  // Keep the lease while the page is open.
  if (held) {
    setInterval(function () {
      fetch("/review/records/" + id + "/lease", { method: "POST", credentials: "same-origin" });
    }, 60000);
  }

  // Zoom with the wheel, pan by dragging.
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
  }, { passive: false });
  box.addEventListener("mousedown", function (e) { drag = { sx: e.clientX - x, sy: e.clientY - y }; });
  window.addEventListener("mouseup", function () { drag = null; });
  window.addEventListener("mousemove", function (e) {
    if (!drag) return;
    x = e.clientX - drag.sx; y = e.clientY - drag.sy; apply();
  });

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
