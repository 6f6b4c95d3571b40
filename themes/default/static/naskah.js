// naskah.js adds conveniences to pages that work without it. On the page of a
// version in force, a link to a passage of an older version whose anchor is gone
// leads to where the passage went, or says it was removed and links to the version
// that had it. The map comes from the build, in the JSON block #peta_paragraf.
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
    if (target) {
      history.replaceState(null, "", "#" + m.to);
      tell(box, box.dataset.moved, null, null);
      target.scrollIntoView();
    } else if (m.url) {
      tell(box, box.dataset.removed.replace("%s", m.version), m.url, box.dataset.link.replace("%s", m.version));
    }
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

  window.addEventListener("hashchange", follow);
  follow();
})();
