// Link review keys: Enter accepts the chosen candidate, F8 "no match", F9 police check list,
// ↑/↓ choose a candidate. No letter or digit keys, so Telex / VNI typing elsewhere is safe.
(function () {
  "use strict";
  var form = document.getElementById("match-form");
  if (!form) { return; }
  // One submission per page: the Enter that clicks "accept" may also submit the form implicitly
  // (a key's char event), and the second, actionless submission would replace the answer.
  form.addEventListener("submit", function (e) {
    if (form.dataset.sent) { e.preventDefault(); return; }
    form.dataset.sent = "1";
  });
  function click(id) {
    var b = document.getElementById(id);
    if (b && !b.disabled) { b.click(); }
  }
  function move(step) {
    var radios = Array.prototype.slice.call(form.querySelectorAll("input[name=citizen]"));
    if (radios.length === 0) { return; }
    var i = radios.findIndex(function (r) { return r.checked; });
    i = Math.max(0, Math.min(radios.length - 1, i + step));
    radios[i].checked = true;
    radios[i].focus();
  }
  var first = form.querySelector("input[name=citizen]:checked") || document.getElementById("match-none");
  if (first) { first.focus(); }
  document.addEventListener("keydown", function (e) {
    if (e.isComposing || e.keyCode === 229) { return; }
    if (e.key === "Enter" && e.target.tagName === "BUTTON") { return; } // a focused button does its own
    switch (e.key) {
      case "Enter": e.preventDefault(); click("match-accept"); break;
      case "F8": e.preventDefault(); click("match-none"); break;
      case "F9": e.preventDefault(); click("match-police"); break;
      case "ArrowDown": case "ArrowRight": e.preventDefault(); move(1); break;
      case "ArrowUp": case "ArrowLeft": e.preventDefault(); move(-1); break;
    }
  });
})();
