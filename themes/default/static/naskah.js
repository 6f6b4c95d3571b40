// naskah.js adds conveniences to pages that work without it.
//
// On the page of a version in force, a link to a passage of an older version
// whose anchor is gone leads to where the passage went, or says it was removed
// and links to the version that had it. The map comes from the build, in the
// JSON block #peta_paragraf.
//
// On every version page, each heading and each block with an id (p-…), and in a
// regulation each unit (BAB, Pasal, ayat, huruf…), gets two buttons: "Salin tautan" copies the permanent URL of the version with the
// block's anchor, "Salin kutipan" a citation the build prepared per section in
// the JSON block #kutipan. The outcome is announced in the live region
// #salin_status. Where the browser has the Web Share API, the share links get
// a button that opens the system's share sheet.
(function () {
  "use strict";

  function follow() {
    var id = decodeURIComponent(location.hash.slice(1));
    var data = document.getElementById("peta_paragraf");
    var box = document.getElementById("pindah");
    if (!id || !data || !box || document.getElementById(id)) {
      return;
    }
    var map;
    try {
      map = JSON.parse(data.textContent);
    } catch (e) {
      return;
    }
    var m = Object.prototype.hasOwnProperty.call(map, id) ? map[id] : null;
    if (!m) {
      return;
    }
    var target = m.to ? document.getElementById(m.to) : null;
    if (target && m.url) { // a unit of a regulation that is gone: the unit that held it, and where it was
      history.replaceState(null, "", "#" + m.to);
      tell(box, box.dataset.removed.replace("%s", m.version), m.url, box.dataset.link.replace("%s", m.version));
      beside(box, target);
    } else if (target) {
      history.replaceState(null, "", "#" + m.to);
      tell(box, box.dataset.moved, null, null);
      beside(box, target);
    } else if (m.url) {
      tell(box, box.dataset.removed.replace("%s", m.version), m.url, box.dataset.link.replace("%s", m.version));
    }
  }

  // beside puts the notice right before the passage it is about, inside it
  // when the passage is a list item, and brings both into view.
  function beside(box, target) {
    if (target.tagName === "LI") {
      target.insertBefore(box, target.firstChild);
    } else {
      target.insertAdjacentElement("beforebegin", box);
    }
    box.scrollIntoView();
  }

  function tell(box, text, url, label) {
    box.textContent = "";
    var p = document.createElement("p");
    p.textContent = text;
    if (url) {
      var a = document.createElement("a");
      a.href = url;
      a.textContent = label;
      p.appendChild(document.createTextNode(" "));
      p.appendChild(a);
    }
    box.appendChild(p);
    box.hidden = false;
  }

  function readJSON(id) {
    var el = document.getElementById(id);
    if (!el) {
      return null;
    }
    try {
      return JSON.parse(el.textContent);
    } catch (e) {
      return null;
    }
  }

  // section finds the heading whose citation fits el: el itself, or the
  // nearest heading before it that the citation map knows.
  function section(el, cite) {
    for (var n = el; n; n = n.previousElementSibling) {
      if (/^H[1-6]$/.test(n.tagName) && n.id && Object.prototype.hasOwnProperty.call(cite, n.id)) {
        return n.id;
      }
    }
    return "";
  }

  function copyText(text, done, status) {
    var say = function (msg) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = msg; }, 50);
    };
    var fallback = function () { say(legacyCopy(text) ? done : status.dataset.failed); };
    if (!navigator.clipboard || !navigator.clipboard.writeText) {
      fallback(); // the clipboard API needs https; a site on plain http has not got it
      return;
    }
    navigator.clipboard.writeText(text).then(function () { say(done); }, fallback);
  }

  function legacyCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok;
  }

  function button(label, cls) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = cls;
    b.textContent = label;
    return b;
  }

  // copyControls puts the two copy buttons right after el, outside it, so that
  // the names of headings and the text of paragraphs stay as they are.
  function copyControls(el, data, status) {
    var box = document.createElement("div");
    box.className = "salin";
    box.dataset.for = el.id;
    var link = data.url + "#" + el.id;
    var cite = data.cite[section(el, data.cite)] + " " + link;
    var bl = button(status.dataset.link, "salin-tautan");
    var bc = button(status.dataset.kutip, "salin-kutipan");
    bl.addEventListener("click", function () { copyText(link, status.dataset.linkDone, status); });
    bc.addEventListener("click", function () { copyText(cite, status.dataset.kutipDone, status); });
    box.appendChild(bl);
    box.appendChild(bc);
    el.insertAdjacentElement("afterend", box);
  }

  function copying() {
    var data = readJSON("kutipan");
    var status = document.getElementById("salin_status");
    if (!data || !data.cite || !status) {
      return;
    }
    var blocks = document.querySelectorAll(".prose > h2[id], .prose > h3[id], .prose > [id^='p-']");
    for (var i = 0; i < blocks.length; i++) {
      copyControls(blocks[i], data, status);
    }
    var units = document.querySelectorAll(".prose .unit[id]:not(.unit-bagian):not(.unit-paragraf)");
    for (var j = 0; j < units.length; j++) {
      unitControls(units[j], data, status);
    }
  }

  // unitControls gives a unit of a regulation its copy buttons: a BAB's or a
  // Pasal's after its heading, an item's after its text, before its sub-items.
  // Its citation names the unit itself ("Pasal 2 ayat (2) huruf b …").
  function unitControls(unit, data, status) {
    var cite = data.cite[unit.id] || data.cite[""];
    var link = data.url + "#" + unit.id;
    var box = document.createElement("span");
    box.className = "salin";
    box.dataset.for = unit.id;
    var bl = button(status.dataset.link, "salin-tautan");
    var bc = button(status.dataset.kutip, "salin-kutipan");
    bl.addEventListener("click", function () { copyText(link, status.dataset.linkDone, status); });
    bc.addEventListener("click", function () { copyText(cite + " " + link, status.dataset.kutipDone, status); });
    box.appendChild(bl);
    box.appendChild(bc);
    var heading = unit.querySelector(":scope > .unit-heading");
    if (heading) {
      heading.insertAdjacentElement("afterend", box);
      return;
    }
    var sub = unit.querySelector(":scope > ol.units");
    unit.insertBefore(box, sub);
  }

  function nativeShare() {
    var list = document.querySelector(".share-links");
    if (!list || typeof navigator.share !== "function") {
      return;
    }
    var li = document.createElement("li");
    var b = button(list.dataset.native, "share-native");
    b.addEventListener("click", function () {
      navigator.share({ title: list.dataset.title, text: list.dataset.text, url: list.dataset.url }).catch(function () {});
    });
    li.appendChild(b);
    list.appendChild(li);
  }

  window.addEventListener("hashchange", follow);
  // textCopying shows the buttons that copy a whole text, such as the draft of
  // Pasal I on a change page: button.salin-teks copies the text of the element
  // its data-target names and says so in the live region after it.
  function textCopying() {
    var buttons = document.querySelectorAll("button.salin-teks[data-target]");
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      var target = document.getElementById(b.dataset.target);
      var status = b.parentNode.querySelector("[role=status]");
      if (!target || !status) {
        continue;
      }
      b.hidden = false;
      b.addEventListener("click", (function (b, target, status) {
        return function () { copyText(target.textContent, b.dataset.done, status); };
      })(b, target, status));
    }
  }

  follow();
  copying();
  textCopying();
  nativeShare();
})();
