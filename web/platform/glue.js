// Browser glue for STO Planner, linked with --js-library. Small on purpose: storage, files,
// canvas size and the wake-up signal for idle frames. Every storage call sits in try/catch.
mergeInto(LibraryManager.library, {
  $stoGlue: {
    wake: true,
    cssWidth: 0,
    cssHeight: 0,
    ratio: 1,
    installed: false,
    // Storage used and available, and whether it is persistent, for App::storage_report.
    report: function () {
      var storage = navigator.storage;
      if (!storage || !storage.estimate || !storage.persisted) return;
      Promise.all([storage.persisted(), storage.estimate()]).then(function (answers) {
        Module['_sto_api_storage_report'](answers[0] ? 1 : 0, answers[1].usage || 0, answers[1].quota || 0);
        stoGlue.wake = true;
      }).catch(function () { /* no figures: Mijn plannen shows none */ });
    },
    install: function () {
      if (stoGlue.installed) return;
      stoGlue.installed = true;
      var wake = function () { stoGlue.wake = true; };
      ['mousemove', 'mousedown', 'mouseup', 'wheel', 'keydown', 'keyup', 'keypress',
       'touchstart', 'touchmove', 'touchend', 'resize', 'focus', 'blur', 'paste']
        .forEach(function (name) { window.addEventListener(name, wake, { capture: true, passive: true }); });
      if (window.matchMedia) {
        // Browser zoom changes the pixel ratio without a resize on some platforms.
        var watchRatio = function () {
          var query = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
          query.addEventListener('change', function () { wake(); watchRatio(); }, { once: true });
        };
        watchRatio();
      }
    },
  },

  sto_sync_viewport__deps: ['$stoGlue'],
  sto_sync_viewport: function (out) {
    stoGlue.install();
    var canvas = Module['canvas'];
    var rect = canvas.getBoundingClientRect();
    var ratio = window.devicePixelRatio || 1;
    var width = Math.max(1, Math.round(rect.width)), height = Math.max(1, Math.round(rect.height));
    var bufferWidth = Math.round(width * ratio), bufferHeight = Math.round(height * ratio);
    if (canvas.width !== bufferWidth || canvas.height !== bufferHeight) {
      canvas.width = bufferWidth;
      canvas.height = bufferHeight;
    }
    HEAP32[out >> 2] = width;
    HEAP32[(out >> 2) + 1] = height;
    HEAPF32[(out >> 2) + 2] = ratio;
  },

  sto_take_wake_request__deps: ['$stoGlue'],
  sto_take_wake_request: function () {
    stoGlue.install();
    var wake = stoGlue.wake;
    stoGlue.wake = false;
    return wake ? 1 : 0;
  },

  sto_request_wake__deps: ['$stoGlue'],
  sto_request_wake: function () { stoGlue.wake = true; },

  sto_storage_get: function (key) {
    try {
      var value = window.localStorage.getItem(UTF8ToString(key));
      if (value === null) return 0;
      var size = lengthBytesUTF8(value) + 1;
      var ptr = _malloc(size);
      stringToUTF8(value, ptr, size);
      return ptr;
    } catch (e) {
      return 0;
    }
  },

  // 0 ok, 1 quota exceeded, 2 storage unavailable (private mode, disabled, security policy).
  sto_storage_set: function (key, value) {
    try {
      window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
      return 0;
    } catch (e) {
      var quota = e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22);
      return quota ? 1 : 2;
    }
  },

  // Asks that the browser keep this site's storage under pressure; it may say no (then it may still
  // clear it, e.g. Safari after 7 days unused). The answer comes with the next report.
  sto_request_persistent_storage__deps: ['$stoGlue'],
  sto_request_persistent_storage: function () {
    var storage = navigator.storage;
    if (!storage || !storage.persist) return;
    storage.persist().then(stoGlue.report, stoGlue.report);
  },

  sto_request_storage_report__deps: ['$stoGlue'],
  sto_request_storage_report: function () { stoGlue.report(); },

  sto_storage_remove: function (key) {
    try { window.localStorage.removeItem(UTF8ToString(key)); } catch (e) { /* nothing to remove */ }
  },

  // Keys starting with prefix, as one string separated by newlines (keys never contain one).
  sto_storage_keys: function (prefix) {
    var wanted = UTF8ToString(prefix), keys = [];
    try {
      for (var i = 0; i < window.localStorage.length; ++i) {
        var key = window.localStorage.key(i);
        if (key !== null && key.indexOf(wanted) === 0) keys.push(key);
      }
    } catch (e) { /* storage unavailable: no keys */ }
    var text = keys.join('\n'), size = lengthBytesUTF8(text) + 1, ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
  },

  // Reading the property throws where storage is switched off (private mode, blocked cookies).
  sto_storage_usable: function () {
    try { return window.localStorage ? 1 : 0; } catch (e) { return 0; }
  },

  sto_set_reload_note: function (note) {
    try {
      var text = UTF8ToString(note);
      if (text) window.sessionStorage.setItem('sto-planner/reload-note', text);
      else window.sessionStorage.removeItem('sto-planner/reload-note');
    } catch (e) { /* no session storage either: the reload cannot be told */ }
  },

  sto_take_reload_note: function () {
    try {
      var note = window.sessionStorage.getItem('sto-planner/reload-note');
      if (note === null) return 0;
      window.sessionStorage.removeItem('sto-planner/reload-note');
      var size = lengthBytesUTF8(note) + 1, ptr = _malloc(size);
      stringToUTF8(note, ptr, size);
      return ptr;
    } catch (e) {
      return 0;
    }
  },

  sto_now_ms: function () { return Date.now(); },

  sto_local_time: function (ms, out) {
    var d = new Date(ms);
    HEAP32[out >> 2] = d.getFullYear();
    HEAP32[(out >> 2) + 1] = d.getMonth() + 1;
    HEAP32[(out >> 2) + 2] = d.getDate();
    HEAP32[(out >> 2) + 3] = d.getHours();
    HEAP32[(out >> 2) + 4] = d.getMinutes();
  },

  sto_open_file_picker: function () {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.addEventListener('change', function () {
      if (input.files && input.files[0]) window.stoplan.openFile(input.files[0]);
    });
    input.click();
  },

  sto_pick_files: function (purpose) {
    if (window.stoplan && window.stoplan.pickFiles) window.stoplan.pickFiles(UTF8ToString(purpose));
  },

  sto_download_file: function (name, mime, data, size) {
    var bytes = HEAPU8.slice(data, data + size);
    var blob = new Blob([bytes], { type: UTF8ToString(mime) });
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = UTF8ToString(name);
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  },

  sto_set_clipboard_text: function (text) {
    var value = UTF8ToString(text);
    try {
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).catch(function () {});
    } catch (e) { /* no clipboard access: copying stays inside the page */ }
  },

  sto_open_html: function (html) {
    var blob = new Blob([UTF8ToString(html)], { type: 'text/html;charset=utf-8' });
    var url = URL.createObjectURL(blob);
    var opened = window.open(url, '_blank');
    if (!opened) {  // a popup blocker: fall back to a download the user can open
      var link = document.createElement('a');
      link.href = url;
      link.download = 'rapport.html';
      link.click();
    }
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  },

  sto_make_share_link: function (text) {
    if (window.stoplan && window.stoplan.makeShareLink) window.stoplan.makeShareLink(UTF8ToString(text));
  },

  // The frame's items for the DOM mirror (web/shell/access.js), as JSON.
  sto_publish_accessibility: function (json, size) {
    if (window.stoAccess) window.stoAccess.update(UTF8ToString(json, size));
  },

  sto_signal_ready: function () {
    if (Module['onStoReady']) Module['onStoReady']();
  },

  sto_signal_start_failed: function (reason) {
    if (Module['onStoStartFailed']) Module['onStoStartFailed'](UTF8ToString(reason));
  },
});
