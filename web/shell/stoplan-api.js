// window.stoplan: a small JavaScript API over the running app, for browser tests and scripting,
// and the page's own wiring (file drop, saving when the page is hidden, other tabs' saves).
//   ready                 a promise, resolved once the app has drawn its first frames
//   planJson()            the current plan as plan-file JSON (string)
//   loadPlanJson(text)    replace the plan with a plan file's text -> {ok, error}; on failure the
//                         current plan stays as it was
//   summaryJson()         the engine's summary of the current plan (parsed object)
//   itemRect(label)       {x, y, width, height} in CSS pixels of the ImGui item with that label
//                         (or its visible part before "##") in the last frame, or null; visible
//                         says whether it was wholly shown (not cut off by its window or cell, not
//                         in a window laid out unseen)
//   items()               [{label, x, y, width, height, visible}…]: every labelled item of the
//                         last frame, in drawing order
//   frameCount()          frames drawn so far (stays still while the app is idle)
//   requestFrames()       draw a few frames (after changing state from a script)
//   frameTimes()          {first_frame_ms, frames: [ms…], rendered}: CPU time of frames drawn since
//                         last call; of the frames drawn so far (frameCount), those rendered (the
//                         others repeated the picture on screen and skipped the GPU)
//   frameParts()          {access: [ms…], storage: [ms…]}: of that, the accessibility bridge's
//                         part (access.js) and the storage work (autosave, versions as deltas)
//   cutTexts()            [{text, x, y, width, height, cell_x, cell_width}…]: texts of the last
//                         frame drawn wider than the visible part of their cell (CSS pixels)
//   openFile(file)        open a File (as the file picker and a drop do) -> promise
//   storageStatus()       {plan_id, problem, dirty, status, banner, pending_open, delta_pending};
//                         problem is none, quota, unavailable, not_verified, conflict or deleted;
//                         delta_pending: an older version is still being made a delta
//   uiState()             {section, highlight_path, language, presentation}
//   makeShareLink(text)   a promise of a share link of the plan in a plan file's text (the
//                         compact form, deflated, in its fragment); rejects when it is no plan
//   combineFiles(files)   add plan Files (a FileList or array) to "Plannen combineren" -> promise
//   importRegionsFile(file) read a region CSV File into "Landelijk overzicht" -> promise
//   pickFiles(purpose)    open a file picker: 'combine' (several plan files), 'compare' (one plan
//                         file to compare with) or 'regions' (a CSV)
//   compareFile(file)     compare the plan with a plan File ("Vergelijken") -> promise
// When the app has not started (yet), every function above throws an Error with
// error.started === false and a message that says why (no WebGL2, an internal error, or "not
// started yet: wait for window.stoplan.ready"), instead of reading a memory the app never set up;
// `ready` rejects with the same reason.
'use strict';
(function () {
  var status = document.getElementById('status');
  var canvas = document.getElementById('canvas');
  var resolveReady, rejectReady, started = false, failure = null;
  var ready = new Promise(function (resolve, reject) { resolveReady = resolve; rejectReady = reject; });
  // The page itself shows a failed start; a page nobody awaits `ready` on logs no uncaught error.
  ready.catch(function () {});
  var kMaxFileBytes = 64 * 1024 * 1024;  // as core/format/file_format.h: larger files are refused unread

  // The app has its own menus; the browser's context menu over the canvas only gets in the way.
  canvas.addEventListener('contextmenu', function (event) { event.preventDefault(); });

  function fail(message) {
    failure = message;
    status.textContent = message;
    status.className = 'error';
    status.style.display = 'flex';
    rejectReady(new Error(message));
  }

  if (!document.createElement('canvas').getContext('webgl2')) {
    fail('Deze browser ondersteunt geen WebGL2; STO Planner kan hier niet starten. ' +
         '(This browser does not support WebGL2; STO Planner cannot start here.)');
  }

  // The app is running: started (first frames drawn) and not failed since.
  function running() { return started && failure === null; }

  // Wraps an API function so it throws a clear Error when the app is not running.
  function whenRunning(fn) {
    return function () {
      if (!running()) {
        var error = new Error(failure !== null ? 'STO Planner did not start: ' + failure
                                               : 'STO Planner has not started yet: wait for window.stoplan.ready');
        error.name = 'StoNotStartedError';
        error.started = false;
        throw error;
      }
      return fn.apply(this, arguments);
    };
  }

  function call(name, returnType, argTypes, args) {
    return window.Module.ccall(name, returnType, argTypes || [], args || []);
  }

  // Strings of any size go through the heap: ccall would put them on the small wasm stack.
  function withHeapStrings(texts, fn) {
    var M = window.Module, pointers = texts.map(function (text) {
      var size = M.lengthBytesUTF8(text) + 1, ptr = M._malloc(size);
      M.stringToUTF8(text, ptr, size);
      return ptr;
    });
    try { return fn.apply(null, pointers); } finally { pointers.forEach(function (p) { M._free(p); }); }
  }

  // Copies bytes into the wasm heap for the duration of fn(pointer, size).
  function withHeapBytes(bytes, fn) {
    var M = window.Module, ptr = M._malloc(Math.max(1, bytes.length));
    M.HEAPU8.set(bytes, ptr);  // HEAPU8 read after _malloc: growing the memory replaces it
    try { return fn(ptr, bytes.length); } finally { M._free(ptr); }
  }

  // A file's bytes as they are, for the core's strict loader: never file.text(), which replaces
  // invalid UTF-8 with U+FFFD and decodes a UTF-16 byte order mark, so a damaged file would open
  // silently changed. Reads at most one byte past the limit: enough for the core to refuse it as
  // too large. Calls `api(name, bytes, size)`.
  function passFile(file, api) {
    return file.slice(0, kMaxFileBytes + 1).arrayBuffer().then(function (buffer) {
      withHeapStrings([file.name], function (name) {
        withHeapBytes(new Uint8Array(buffer), function (bytes, size) {
          call(api, null, ['number', 'number', 'number'], [name, bytes, size]);
        });
      });
    });
  }

  function openFile(file) { return passFile(file, 'sto_api_open_file'); }

  function combineFiles(files) {
    return Promise.all(Array.prototype.map.call(files, function (file) {
      return passFile(file, 'sto_api_add_combine_file');
    }));
  }

  function compareFile(file) { return passFile(file, 'sto_api_compare_file'); }

  // The region table's bytes too: the core refuses a file that is not UTF-8 and says how to save it.
  function importRegionsFile(file) { return passFile(file, 'sto_api_import_regions_csv'); }

  // Called by the app after a button click (the click's user activation still allows a picker).
  function pickFiles(purpose) {
    var input = document.createElement('input');
    input.type = 'file';
    if (purpose === 'combine') {
      input.multiple = true;
      input.accept = '.json,application/json';
    } else if (purpose === 'compare') {
      input.accept = '.json,application/json';
    } else {
      input.accept = '.csv,text/csv,text/plain';
    }
    input.addEventListener('change', function () {
      if (!input.files || input.files.length === 0) return;
      if (purpose === 'combine') combineFiles(input.files);
      else if (purpose === 'compare') compareFile(input.files[0]);
      else if (purpose === 'budget-csv') importBudgetFile(input.files[0]);
      else importRegionsFile(input.files[0]);
    });
    input.click();
  }

  // A budget CSV: the app checks it (valid UTF-8 included) and shows a preview before adding anything.
  function importBudgetFile(file) { return passFile(file, 'sto_api_import_budget_csv'); }

  // [Share links] The plan in the core's compact form (core/exchange/link_format.h: a version byte, then
  // the fields in order), deflate-compressed and base64url-encoded, in the URL fragment: the part
  // after '#' never reaches a server. Links made before that carry the plan file's text instead,
  // under their own prefix, and keep opening.
  var kLinkPrefix = '#p=';
  var kTextLinkPrefix = '#plan=';
  function toBase64Url(bytes) {
    var text = '';
    for (var i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function fromBase64Url(text) {
    var binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  function makeShareLink(planText) {
    var data = withHeapStrings([planText], function (ptr) {
      var size = call('sto_api_link_data', 'number', ['number'], [ptr]);
      var at = call('sto_api_link_data_bytes', 'number');
      return window.Module.HEAPU8.slice(at, at + size);
    });
    if (data.length === 0) return Promise.reject(new Error('makeShareLink: the text is not a usable plan file'));
    var stream = new Blob([data]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Response(stream).arrayBuffer().then(function (buffer) {
      var url = location.origin + location.pathname + kLinkPrefix + toBase64Url(new Uint8Array(buffer));
      withHeapStrings([url], function (ptr) { call('sto_api_share_link_ready', null, ['number'], [ptr]); });
      return url;
    });
  }
  // Inflates as a stream, counting the bytes, and stops as soon as the output passes the file size
  // limit: a small link that inflates to gigabytes (a "zip bomb") costs about kMaxFileBytes of
  // memory and a fraction of a second. The input goes in 4 KB at a time: a decompression stream
  // inflates each input chunk completely whatever the reader's pace, and deflate inflates at most
  // ~1032:1, so the output overshoots the limit by at most a few MB. Resolves to the bytes (not
  // decoded: the core's loader checks them as it checks a file), or to null when they are too
  // large; rejects when the data is not deflate-raw.
  var kInflateInputChunk = 4096;
  function inflateLimited(bytes) {
    var inflater = new DecompressionStream('deflate-raw');
    var writer = inflater.writable.getWriter(), reader = inflater.readable.getReader();
    var stopped = false;
    (function write(at) {
      if (stopped) return;
      if (at >= bytes.length) { writer.close().catch(function () {}); return; }
      writer.ready.then(function () {
        writer.write(bytes.subarray(at, at + kInflateInputChunk)).catch(function () {});
        write(at + kInflateInputChunk);
      }, function () {});  // the reader cancelled, or the data is not deflate: the reader says so
    })(0);
    var chunks = [], total = 0;
    function next() {
      return reader.read().then(function (part) {
        if (part.done) {
          var all = new Uint8Array(total), at = 0;
          chunks.forEach(function (chunk) { all.set(chunk, at); at += chunk.length; });
          chunks = null;
          return all;
        }
        total += part.value.length;
        if (total > kMaxFileBytes) {
          stopped = true;
          chunks = null;
          reader.cancel().catch(function () {});
          return null;
        }
        chunks.push(part.value);
        return next();
      });
    }
    return next();
  }
  function openSharedLink() {
    var compact = location.hash.indexOf(kLinkPrefix) === 0;
    if (!compact && location.hash.indexOf(kTextLinkPrefix) !== 0) return Promise.resolve();
    var data = location.hash.slice((compact ? kLinkPrefix : kTextLinkPrefix).length);
    // Forget the fragment so a reload does not ask again.
    history.replaceState(null, '', location.pathname + location.search);
    var inflated;
    try {
      inflated = inflateLimited(fromBase64Url(data));
    } catch (e) {
      inflated = Promise.resolve(new Uint8Array(0));
    }
    return inflated.catch(function () { return new Uint8Array(0); }).then(function (plan) {
      if (plan === null) {
        call('sto_api_open_shared_too_large', null);  // the app's own "te groot" refusal
        return;
      }
      withHeapBytes(plan, function (ptr, size) {
        call('sto_api_open_shared', null, ['number', 'number', 'number'], [ptr, size, compact ? 1 : 0]);
      });
    });
  }

  window.Module = {
    canvas: canvas,
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    onStoReady: function () {
      started = true;
      status.style.display = 'none';
      canvas.focus();
      openSharedLink().then(resolveReady, resolveReady);
      // A link pasted into the address bar of an open tab only changes the fragment.
      window.addEventListener('hashchange', openSharedLink);
    },
    // main() gave up (e.g. no WebGL2 context after all); keeps a message shown earlier.
    onStoStartFailed: function (reason) {
      if (failure === null) {
        fail('STO Planner kon niet starten. (STO Planner could not start: ' + reason + ')');
      }
    },
    // Another tab saved (its IndexedDB commit posted on a BroadcastChannel, or a localStorage
    // event; web/platform/glue.js): the app follows it or reports the conflict.
    onStoStorageChanged: function () {
      if (running()) call('sto_api_storage_changed', null);
    },
    onAbort: function (reason) {
      fail('STO Planner is gestopt door een interne fout. (STO Planner stopped: ' + reason + ')');
    },
  };

  // Drop a plan file anywhere on the page to open it; several plan files at once go to
  // "Plannen combineren", a .csv file to the region table of "Landelijk overzicht".
  window.addEventListener('dragover', function (event) { event.preventDefault(); });
  window.addEventListener('drop', function (event) {
    event.preventDefault();
    var files = event.dataTransfer && event.dataTransfer.files;
    if (!running() || !files || files.length === 0) return;
    if (files.length > 1) combineFiles(files);
    else if (/\.csv$/i.test(files[0].name)) importRegionsFile(files[0]);
    else openFile(files[0]);
  });
  // Save before the page goes away or into the background (mobile browsers kill hidden tabs).
  function flush() { if (running()) call('sto_api_flush_save', null); }
  window.addEventListener('pagehide', flush);
  // Work that could not be stored (storage full or off, a conflict, a deleted plan) and was not
  // downloaded either: the browser asks before the page goes.
  window.addEventListener('beforeunload', function (event) {
    if (!running()) return;
    flush();
    if (call('sto_api_work_at_risk', 'number') === 0) return;
    event.preventDefault();
    event.returnValue = '';  // browsers that predate preventDefault() here ask only with a value
  });
  document.addEventListener('visibilitychange', function () { if (document.hidden) flush(); });

  // Paste: browsers give clipboard text only to this event; the app types it into the active field.
  window.addEventListener('paste', function (event) {
    var text = event.clipboardData && event.clipboardData.getData('text/plain');
    // A field of the accessible mirror (access.js) takes the paste itself.
    if (!running() || !text || (event.target.dataset && event.target.dataset.stoId)) return;
    event.preventDefault();
    withHeapStrings([text], function (ptr) { call('sto_api_paste', null, ['number'], [ptr]); });
  });

  // Touch: a tap is a click where the finger was; a swipe scrolls (long tables) instead of
  // dragging. Emscripten's GLFW only knows the mouse, so touches become mouse and wheel events.
  var touch = null;
  function mouse(type, x, y) {
    canvas.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button: 0, buttons: type === 'mousedown' ? 1 : 0, bubbles: true }));
  }
  canvas.addEventListener('touchstart', function (event) {
    if (event.touches.length !== 1) return;
    var t = event.touches[0];
    touch = { x: t.clientX, y: t.clientY, lastX: t.clientX, lastY: t.clientY, scrolling: false };
    mouse('mousemove', t.clientX, t.clientY);
    event.preventDefault();
  }, { passive: false });
  canvas.addEventListener('touchmove', function (event) {
    if (!touch || event.touches.length !== 1) return;
    var t = event.touches[0];
    if (!touch.scrolling && Math.hypot(t.clientX - touch.x, t.clientY - touch.y) > 10) touch.scrolling = true;
    if (touch.scrolling) {
      canvas.dispatchEvent(new WheelEvent('wheel', { clientX: touch.x, clientY: touch.y, deltaX: touch.lastX - t.clientX, deltaY: touch.lastY - t.clientY, deltaMode: 0, bubbles: true }));
    }
    touch.lastX = t.clientX;
    touch.lastY = t.clientY;
    event.preventDefault();
  }, { passive: false });
  canvas.addEventListener('touchend', function (event) {
    if (!touch) return;
    if (!touch.scrolling) {
      window.stoAccess.tapAt(touch.x, touch.y);
      mouse('mousedown', touch.x, touch.y);
      mouse('mouseup', touch.x, touch.y);
    }
    touch = null;
    event.preventDefault();
  }, { passive: false });

  window.stoplan = {
    ready: ready,
    planJson: function () { return call('sto_api_plan_json', 'string'); },
    loadPlanJson: function (text) {
      return JSON.parse(withHeapStrings([String(text)], function (ptr) {
        return call('sto_api_load_plan_json', 'string', ['number'], [ptr]);
      }));
    },
    summaryJson: function () { return JSON.parse(call('sto_api_summary_json', 'string')); },
    itemRect: function (label) {
      return JSON.parse(call('sto_api_item_rect', 'string', ['string'], [String(label)]));
    },
    items: function () { return JSON.parse(call('sto_api_items', 'string')); },
    frameCount: function () { return call('sto_api_frame_count', 'number'); },
    frameTimes: function () { return JSON.parse(call('sto_api_frame_times', 'string')); },
    frameParts: function () { return JSON.parse(call('sto_api_frame_parts', 'string')); },
    cutTexts: function () { return JSON.parse(call('sto_api_cut_texts', 'string')); },
    requestFrames: function () { call('sto_api_request_frames', null); },
    openFile: openFile,
    makeShareLink: makeShareLink,
    storageStatus: function () { return JSON.parse(call('sto_api_storage_status', 'string')); },
    uiState: function () { return JSON.parse(call('sto_api_ui_state', 'string')); },
    combineFiles: combineFiles,
    compareFile: compareFile,
    importRegionsFile: importRegionsFile,
    pickFiles: pickFiles,
  };
  Object.keys(window.stoplan).forEach(function (name) {
    if (name !== 'ready') window.stoplan[name] = whenRunning(window.stoplan[name]);
  });

  // Offline use: a service worker keeps this site's own files (web/shell/sw.js). Not on file://
  // pages or in browsers without workers; a failed registration only means no offline start.
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('sw.js').catch(function () {});
    });
  }
})();
