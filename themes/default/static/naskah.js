// naskah.js adds conveniences to pages that work without it.
//
// On the page of a version in force, a link to a passage of an older version
// whose anchor is gone leads to where the passage went, or says it was removed
// and links to the version that had it. The map comes from the build, in the
// JSON block #peta_paragraf.
//
// On every version page, the permalink of each heading, paragraph and unit
// of a regulation opens a small menu that copies the permanent URL of the
// version with the unit's anchor, or its citation, which the build prepared
// in the JSON block #kutipan (copying below says how). Before printing, the
// page opens its folded parts, so that paper shows them. Where the browser
// has the Web Share API, the share links get a button that opens the
// system's share sheet.
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

  // The tools of a unit. Every heading and paragraph of the text, and in a
  // regulation every unit, has its permalink in the static page, "#" or "¶":
  // a plain link, which works without this script. The script makes that
  // link the unit's one control and its one Tab stop. It shows while the
  // unit is under the pointer, holds the focus or the selection, was tapped
  // (the class dipilih), or is the page's target; following it, by click,
  // Enter or Space, also opens a small menu beside it, #salin_menu: "Salin
  // tautan" and "Salin kutipan". Up, Down, Home and End move in the menu,
  // Escape closes it and gives the focus back to the link, Tab closes it and
  // goes on. What was copied is said for two seconds in #salin_status, a live
  // region shown beside the link. Blocks with an id but no permalink of their
  // own (tables, lists) get a "¶" line after them, so that every unit has one.
  var tools = null;

  function copying() {
    var data = readJSON("kutipan");
    var status = document.getElementById("salin_status");
    var prose = document.querySelector(".prose");
    if (!data || !data.cite || !status || !prose) {
      return;
    }
    tools = { data: data, status: status, menu: makeMenu(status), link: null, chosen: null, timer: 0, held: false };
    var bare = prose.querySelectorAll(":scope > [id^='p-']");
    for (var i = 0; i < bare.length; i++) {
      if (!bare[i].querySelector(":scope > a.pilcrow")) {
        permalink(bare[i], status.dataset.blok);
      }
    }
    var links = prose.querySelectorAll("a.pilcrow[href^='#'], a.anchor[href^='#']");
    for (var j = 0; j < links.length; j++) {
      control(links[j]);
    }
    prose.classList.add("alat");
    listen(prose);
  }

  // listen follows what shows a unit's link and what closes the menu.
  function listen(prose) {
    document.addEventListener("selectionchange", function () {
      var sel = document.getSelection();
      if (sel && sel.rangeCount > 0 && !sel.isCollapsed) {
        choose(sel.anchorNode);
      }
    });
    prose.addEventListener("click", function (e) {
      if (!e.target.closest("a, button")) {
        choose(e.target); // a touch screen has no hover: a tap shows the unit's link
      }
    });
    document.addEventListener("pointerdown", outside, true);
    document.addEventListener("focusin", outside);
    document.addEventListener("keyup", function () { tools.held = false; }, true);
    window.addEventListener("blur", function () { tools.held = false; });
    window.addEventListener("resize", function () {
      if (tools.link && tools.menu.isConnected) {
        place(tools.menu, tools.link);
      }
    });
  }

  // permalink gives a block without one its "¶", on a line of its own after it.
  function permalink(block, label) {
    var line = document.createElement("p");
    line.className = "pilcrow-blok";
    var a = document.createElement("a");
    a.className = "pilcrow";
    a.href = "#" + block.id;
    a.setAttribute("aria-label", label);
    a.textContent = "¶";
    line.appendChild(a);
    block.insertAdjacentElement("afterend", line);
  }

  // control makes a permalink the button of its unit's menu, while it stays a
  // link: it is still followed, so that the address names the unit.
  function control(link) {
    link.setAttribute("aria-haspopup", "menu");
    link.setAttribute("aria-expanded", "false");
    link.addEventListener("click", function (e) {
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) {
        return; // a new tab or window: only the link
      }
      e.preventDefault();
      if (tools.link === link && tools.menu.isConnected) {
        closeMenu(true);
        return;
      }
      // Followed here rather than by the browser, which would follow it after
      // this handler and take the focus from the menu.
      if (location.hash === link.hash) {
        var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
        if (target) {
          target.scrollIntoView(); // as following the link again would
        }
      } else {
        location.hash = link.hash;
      }
      openMenu(link);
    });
    link.addEventListener("keydown", function (e) {
      if (e.key === " " || e.key === "Enter") {
        e.preventDefault();
        tools.held = true; // until the key is up, its keypress must not work the menu
        link.click();
      } else if (e.key === "Escape") {
        closeMenu(true);
      }
    });
  }

  function makeMenu(status) {
    var menu = document.createElement("div");
    menu.id = "salin_menu";
    menu.className = "salin-menu";
    menu.setAttribute("role", "menu");
    menu.setAttribute("aria-label", status.dataset.menu);
    var items = [
      { label: status.dataset.link, cls: "salin-tautan", text: linkOf, done: status.dataset.linkDone },
      { label: status.dataset.kutip, cls: "salin-kutipan", text: citationOf, done: status.dataset.kutipDone }
    ];
    items.forEach(function (it) {
      var b = button(it.label, it.cls);
      b.setAttribute("role", "menuitem");
      b.tabIndex = -1;
      b.addEventListener("click", function () {
        if (tools.held) {
          return; // the Enter or Space that opened the menu
        }
        var link = tools.link;
        closeMenu(true);
        copyText(it.text(link), function (ok) { say(ok ? it.done : status.dataset.failed, link, ok ? 2000 : 6000); });
      });
      menu.appendChild(b);
    });
    menu.addEventListener("keydown", menuKey);
    return menu;
  }

  function menuKey(e) {
    var items = tools.menu.querySelectorAll("[role=menuitem]");
    var at = Array.prototype.indexOf.call(items, document.activeElement);
    var to = -1;
    switch (e.key) {
    case "ArrowDown": to = (at + 1) % items.length; break;
    case "ArrowUp": to = (at - 1 + items.length) % items.length; break;
    case "Home": to = 0; break;
    case "End": to = items.length - 1; break;
    case "Escape": e.preventDefault(); closeMenu(true); return;
    case "Tab": closeMenu(true); return; // the browser moves on from the link
    default: return;
    }
    e.preventDefault();
    items[to].focus();
  }

  // openMenu puts the menu after link's unit (after its heading or
  // paragraph; within an item, after the link) and beside the link on the
  // screen, and focuses its first item. Closed, the menu is out of the page,
  // so that it never stands between two blocks that the stylesheet pairs.
  function openMenu(link) {
    closeMenu(false);
    var menu = tools.menu;
    var block = link.parentElement;
    (/^(P|H[1-6])$/.test(block.tagName) ? block : link).insertAdjacentElement("afterend", menu);
    tools.link = link;
    link.setAttribute("aria-expanded", "true");
    link.setAttribute("aria-controls", menu.id);
    place(menu, link);
    menu.querySelector("[role=menuitem]").focus();
  }

  // closeMenu closes the menu, if it is open, and gives the focus back to the
  // link that opened it if refocus is set.
  function closeMenu(refocus) {
    var link = tools && tools.link;
    if (!link || !tools.menu.isConnected) {
      return;
    }
    if (refocus) {
      link.focus(); // before the menu goes, which would leave the focus nowhere
    }
    tools.menu.remove();
    link.setAttribute("aria-expanded", "false");
    link.removeAttribute("aria-controls");
  }

  // outside closes the menu when the pointer or the focus goes elsewhere.
  function outside(e) {
    if (tools.link && tools.menu.isConnected && !tools.menu.contains(e.target) && e.target !== tools.link) {
      closeMenu(false);
    }
  }

  // place puts el, absolutely positioned, just under link, within the width
  // of the window.
  function place(el, link) {
    el.style.left = "0px";
    el.style.top = "0px";
    var origin = el.getBoundingClientRect(); // where its containing block puts 0, 0
    var r = link.getBoundingClientRect();
    var room = document.documentElement.clientWidth;
    var x = Math.max(8, Math.min(r.left, room - el.offsetWidth - 8));
    el.style.left = (x - origin.left) + "px";
    el.style.top = (r.bottom + 4 - origin.top) + "px";
  }

  // say shows msg beside link in the live region for ms milliseconds. The
  // region is emptied first, so that saying the same again is heard again.
  function say(msg, link, ms) {
    var s = tools.status;
    window.clearTimeout(tools.timer);
    s.textContent = "";
    s.classList.remove("tampil");
    tools.timer = window.setTimeout(function () {
      s.textContent = msg;
      s.classList.add("tampil");
      place(s, link);
      tools.timer = window.setTimeout(function () {
        s.textContent = "";
        s.classList.remove("tampil");
      }, ms);
    }, 50);
  }

  // choose marks the unit that holds node (the selection's, or a tapped
  // one), whose link then shows, until another is chosen.
  function choose(node) {
    var el = node && node.nodeType !== 1 ? node.parentElement : node;
    var unit = el ? el.closest(".prose li.unit, .prose section.unit, .prose > *") : null;
    if (unit === tools.chosen) {
      return;
    }
    if (tools.chosen) {
      tools.chosen.classList.remove("dipilih");
    }
    tools.chosen = unit;
    if (unit) {
      unit.classList.add("dipilih");
    }
  }

  function linkOf(link) {
    return tools.data.url + link.hash;
  }

  // citationOf is the citation of link's unit: the build's text for the unit
  // (in a regulation) or for the section it lies in, put into the form of
  // the site's language with the URL and the day of copying. share.go, which
  // makes the texts, gives the whole form of a citation.
  function citationOf(link) {
    var data = tools.data;
    var id = decodeURIComponent(link.hash.slice(1));
    var own = Object.prototype.hasOwnProperty;
    var text = own.call(data.cite, id) ? data.cite[id] : data.cite[section(document.getElementById(id), data.cite)];
    var d = new Date();
    var day = format(data.day, [d.getDate(), data.months[d.getMonth()], d.getFullYear()]);
    return format(data.form, [text, linkOf(link), day]);
  }

  // format fills a format of Go's fmt, as the strings files write them: %s
  // and %d, each optionally with an argument index, %[2]s, and %%.
  function format(f, args) {
    var next = 0;
    return f.replace(/%(?:\[(\d+)\])?([sd%])/g, function (m, n, verb) {
      if (verb === "%") {
        return "%";
      }
      if (n) {
        next = Number(n) - 1;
      }
      return String(args[next++]);
    });
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

  // copyText puts text on the clipboard and tells done whether it could.
  function copyText(text, done) {
    var fallback = function () { done(legacyCopy(text)); };
    if (!navigator.clipboard || !navigator.clipboard.writeText) {
      fallback(); // the clipboard API needs https; a site on plain http has not got it
      return;
    }
    navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
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
        return function () {
          copyText(target.textContent, function (ok) {
            status.textContent = "";
            window.setTimeout(function () { status.textContent = ok ? b.dataset.done : status.dataset.failed; }, 50);
          });
        };
      })(b, target, status));
    }
  }

  // printing opens the closed details (the abstract) for print, which has no
  // way to open them, and closes them again after. The stylesheet does the
  // same where the browser knows ::details-content.
  function printing() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      var closed = document.querySelectorAll("details:not([open])");
      for (var i = 0; i < closed.length; i++) {
        closed[i].open = true;
        opened.push(closed[i]);
      }
    });
    window.addEventListener("afterprint", function () {
      while (opened.length) {
        opened.pop().open = false;
      }
    });
  }

  follow();
  copying();
  printing();
  textCopying();
  nativeShare();
})();
