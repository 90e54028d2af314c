// The phone capture page: photos are shrunk on the phone to what a 300-dpi page needs, sent one
// at a time in the order taken (each retried while the connection fails), and each shows its
// pages' numbers and verdict, or "chụp lại" with the reason and a button to take it again.
(function () {
  "use strict";
  var form = document.getElementById("capture");
  if (!form) return;
  var t = form.dataset;
  var ledger = document.getElementById("ledger");
  var pageInput = document.getElementById("page");
  var photos = document.getElementById("photos");
  var again = document.getElementById("again");
  var shots = document.getElementById("shots");
  var queue = Promise.resolve();
  var retakeItem = null;
  var MAX_SIDE = 4000; // an A4 page at 300 dpi is 3508 px long, a spread of two 4961 px wide with the desk around

  ledger.addEventListener("change", function () {
    pageInput.value = ledger.selectedOptions[0].dataset.next;
  });
  photos.addEventListener("change", function () {
    Array.prototype.forEach.call(photos.files, function (f) { enqueue(f, newItem()); });
    photos.value = "";
  });
  again.addEventListener("change", function () {
    if (again.files.length && retakeItem) enqueue(again.files[0], retakeItem);
    again.value = "";
  });

  function enqueue(file, li) {
    li.className = "shot";
    setThumb(li, file);
    say(li, t.preparing);
    queue = queue.then(function () { return send(file, li); });
  }

  function newItem() {
    var li = document.createElement("li");
    var img = document.createElement("img"), status = document.createElement("p"), pages = document.createElement("ul");
    img.className = "thumb"; img.alt = "";
    status.className = "status";
    pages.className = "pages";
    li.append(img, status, pages); // built from elements: the CSP allows no markup strings
    shots.appendChild(li);
    return li;
  }

  function setThumb(li, file) {
    var img = li.querySelector(".thumb");
    if (img.src) URL.revokeObjectURL(img.src);
    img.src = URL.createObjectURL(file);
  }

  function say(li, text) { li.querySelector(".status").textContent = text; }

  function shrink(file) {
    if (!window.createImageBitmap) return Promise.resolve(file);
    return createImageBitmap(file, { imageOrientation: "from-image" }).then(function (bmp) {
      var s = Math.min(1, MAX_SIDE / Math.max(bmp.width, bmp.height));
      if (s === 1 && file.type === "image/jpeg") { bmp.close(); return file; }
      var c = document.createElement("canvas");
      c.width = Math.round(bmp.width * s);
      c.height = Math.round(bmp.height * s);
      c.getContext("2d").drawImage(bmp, 0, 0, c.width, c.height);
      bmp.close();
      return new Promise(function (done) {
        c.toBlob(function (b) { done(b || file); }, "image/jpeg", 0.9);
      });
    }, function () { return file; }); // the phone cannot open it: the server says why
  }

  function post(blob, ledgerID, page, li) {
    var attempt = 0;
    function once() {
      attempt++;
      var fd = new FormData();
      fd.append("file", blob, "photo.jpg");
      return fetch("/capture/ledgers/" + ledgerID + "/photos?page=" + page, {
        method: "POST", body: fd, credentials: "same-origin"
      }).then(function (r) {
        if (r.status >= 500 && attempt < 6) throw new Error("status " + r.status);
        return r.json().then(function (body) { return { status: r.status, body: body }; },
          function () { return { status: r.status, body: { error: t.failed + " (" + r.status + ")" } }; });
      }).catch(function () {
        if (attempt >= 6) return { status: 0, body: { error: t.failed } };
        say(li, t.retrying.replace("%d", attempt + 1));
        return new Promise(function (done) {
          setTimeout(done, Math.min(30000, 1000 * Math.pow(2, attempt)));
        }).then(once);
      });
    }
    return once();
  }

  function send(file, li) {
    var ledgerID = li.dataset.ledger || ledger.value;
    var page = parseInt(li.dataset.page || pageInput.value, 10);
    var first = !li.dataset.page;
    li.dataset.ledger = ledgerID;
    li.dataset.page = page;
    return shrink(file).then(function (blob) {
      say(li, t.sending);
      return post(blob, ledgerID, page, li);
    }).then(function (res) {
      var b = res.body;
      var used = b.pages ? b.pages.length : (b.pages_found || 1);
      if (first && ledger.value === ledgerID) {
        pageInput.value = Math.max(parseInt(pageInput.value, 10), page + used);
        ledger.selectedOptions[0].dataset.next = pageInput.value;
      }
      show(li, res.status, b, page);
    });
  }

  function show(li, status, b, page) {
    var list = li.querySelector(".pages");
    list.innerHTML = "";
    if (b.pages) {
      li.classList.add("good");
      say(li, "");
      b.pages.forEach(function (p) {
        var item = document.createElement("li");
        item.className = "page-ok" + (p.side ? " " + p.side : "");
        var side = p.side ? " (" + t[p.side] + ")" : "";
        item.textContent = t.page + " " + p.page + side + ": " + t.ok;
        list.appendChild(item);
      });
      return;
    }
    li.classList.add("bad");
    if (b.retake) {
      say(li, t.retake + " " + t.page.toLowerCase() + " " + page + ": " + b.reasons.join(" "));
    } else {
      say(li, t.page + " " + page + ": " + (b.error || t.failed));
    }
    var btn = document.createElement("button");
    btn.type = "button";
    btn.className = "retake";
    btn.textContent = t.retake;
    btn.addEventListener("click", function () { retakeItem = li; again.click(); });
    var item = document.createElement("li");
    item.appendChild(btn);
    list.appendChild(item);
  }
})();
