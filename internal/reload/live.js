// live.js is injected by naskah serve -watch only. It reloads the page after a
// good build and shows the problems of a failed one over the page until they are
// fixed.
(function () {
  "use strict";
  var seen = null;
  var overlay = null;

  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "naskah-galat";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;" +
        "margin:0;padding:1rem;background:#fff;color:#7d1414;border-top:6px solid #7d1414;" +
        "font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap;z-index:2147483647";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "Build gagal; situs terakhir yang baik tetap ditampilkan.\n\n" + text;
  }

  var events = new EventSource("/_naskah/events");
  events.onmessage = function (e) {
    var state = JSON.parse(e.data);
    if (state.error) {
      show(state.error);
      return;
    }
    if (seen !== null && state.build !== seen) {
      location.reload();
      return;
    }
    seen = state.build;
    if (overlay) {
      location.reload();
    }
  };
})();
