// The Content-Security-Policy allows no inline style attribute, so templates put computed
// positions in data-style and this applies them through the CSSOM (which the policy allows),
// before review.js reads them.
(function () {
  "use strict";
  var els = document.querySelectorAll("[data-style]");
  for (var i = 0; i < els.length; i++) {
    els[i].style.cssText = els[i].getAttribute("data-style");
  }
})();
