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
        // Chromium also says how much of it is caches: the app's own files, kept for offline use.
        var details = answers[1].usageDetails;
        Module['_sto_api_storage_report'](answers[0] ? 1 : 0, answers[1].usage || 0, answers[1].quota || 0,
                                          (details && details.caches) || 0);
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

  sto_wake_after__deps: ['$stoGlue'],
  sto_wake_after: function (ms) { setTimeout(function () { stoGlue.wake = true; }, ms); },

  sto_request_wake__deps: ['$stoGlue'],
  sto_request_wake: function () { stoGlue.wake = true; },

  // [Storage] Plans live in IndexedDB (database 'sto-planner', object store 'kv': key -> the
  // text's UTF-8 bytes, a Uint8Array). Bytes, not strings: a plan text crosses from wasm and into
  // IndexedDB as a copy, where a string costs a UTF-8 conversion per character, about as long as a
  // frame for a 5 MB plan. Records of database version 1 (the release before) hold strings and are
  // read as their UTF-8; version 2 closes out a tab still running that release (its writes then
  // fail and it says so; opened later, it falls back to localStorage, which this release migrates).
  // Before main() runs, every record is read into `mirror`, so the app's storage calls stay
  // synchronous (platform/browser.h); writes update the mirror and go to IndexedDB together, one
  // readwrite transaction per tick, so a version and the index naming it commit both or neither.
  // A transaction first checks that every key it writes still holds what this tab last saw
  // (another tab may have committed since: then nothing is written, a conflict), and is read back
  // after it commits; storage_records.js does both, in the storage worker off this thread (on
  // this thread while the page goes away, or without a worker). A failure puts the mirror back as
  // it was before the failed writes and tells the app (sto_api_storage_write_failed). Committed
  // keys are posted on the BroadcastChannel 'sto-planner'; other tabs re-read them. Without IndexedDB: localStorage as before ('local');
  // without either: 'none' (the app reports storage unavailable).
  $stoStore__deps: ['$stoGlue'],
  // Module.stoStorageBusy(): true while writes are not yet committed and read back (for tests).
  $stoStore__postset: 'stoStore.start(); Module["stoStorageBusy"] = function () { return stoStore.busy(); };',
  $stoStore: {
    backend: 'none',
    db: null,
    // Made in start(): the library is written out as text at build time, where a Map becomes {}.
    mirror: null,    // key -> bytes: IndexedDB as this tab knows it, with its own queued writes
    pending: null,   // key -> bytes, or null to remove: writes of this tick
    expected: null,  // key -> bytes or undefined: what a pending key held before this tab wrote it
    releases: null,  // [key, text]: localStorage entries to remove once the pending writes commit
    batches: null,   // sent to IndexedDB, not yet committed and read back (oldest first)
    scheduled: false,
    channel: null,
    staged: null,   // bytes being copied out of wasm for the next sto_storage_set_staged
    stagedTwin: null,  // a second copy of them, for the worker (see twins)
    reading: null,  // the value sto_storage_read_part copies from
    worker: null,   // the storage worker (storage_records.js), or null: transactions run here
    // Made in start(), as the Maps above. twins: a mirror value -> a copy of it made alongside
    // (staged), handed to the worker without a copy on this thread. hashes: a large mirror value
    // -> its hash, from the worker that wrote it, so a transaction can expect it by its hash.
    twins: null,
    hashes: null,
    nextBatch: 0,
    kStatus: { quota: 1, unavailable: 2, conflict: 3, not_verified: 4 },
    decoder: null,

    start: function () {
      stoStore.mirror = new Map();
      stoStore.pending = new Map();
      stoStore.expected = new Map();
      stoStore.releases = [];
      stoStore.batches = [];
      stoStore.decoder = new TextDecoder();
      stoStore.twins = new WeakMap();
      stoStore.hashes = new WeakMap();
      var request = null;
      try { request = window.indexedDB ? window.indexedDB.open('sto-planner', 2) : null; } catch (e) { request = null; }
      if (!request) { stoStore.useLocalStorage(); return; }
      addRunDependency('sto-storage');
      var done = function () { removeRunDependency('sto-storage'); };
      var fallBack = function (event) {
        if (event && event.preventDefault) event.preventDefault();
        stoStore.useLocalStorage();
        done();
      };
      request.onupgradeneeded = function () {
        if (!request.result.objectStoreNames.contains('kv')) request.result.createObjectStore('kv');
      };
      request.onerror = fallBack;
      request.onsuccess = function () {
        var db = request.result, keys = [], values = [];
        try {
          var tx = db.transaction('kv', 'readonly'), store = tx.objectStore('kv');
          store.getAllKeys().onsuccess = function (event) { keys = event.target.result; };
          store.getAll().onsuccess = function (event) { values = event.target.result; };
          tx.oncomplete = function () {
            for (var i = 0; i < keys.length; ++i) stoStore.setMirror(String(keys[i]), values[i]);
            stoStore.db = db;
            stoStore.backend = 'idb';
            // A later version of the app upgrading the database: let it (writes here then fail, and
            // the app says storage is unavailable).
            db.onversionchange = function () { db.close(); };
            stoStore.listen();
            stoStore.startWorker();
            done();
          };
          tx.onabort = fallBack;
        } catch (e) {
          fallBack();
        }
      };
    },

    useLocalStorage: function () {
      try { stoStore.backend = window.localStorage ? 'local' : 'none'; } catch (e) { stoStore.backend = 'none'; }
      // Another tab saved: the app follows it or reports the conflict.
      window.addEventListener('storage', function (event) {
        if (event.key === null || event.key.indexOf('sto-planner/') === 0) stoStore.changed();
      });
    },

    listen: function () {
      if (typeof BroadcastChannel === 'undefined') return;
      stoStore.channel = new BroadcastChannel('sto-planner');
      stoStore.channel.onmessage = function (event) {
        var keys = event.data && event.data.keys;
        if (Array.isArray(keys)) stoStore.reread(keys.map(String)).then(stoStore.changed, function () {});
      };
    },

    changed: function () {
      if (Module['onStoStorageChanged']) Module['onStoStorageChanged']();
    },

    busy: function () {
      return stoStore.backend === 'idb' && (stoStore.pending.size > 0 || stoStore.releases.length > 0 || stoStore.batches.length > 0);
    },

    // True while this tab has a write of `key` not yet committed.
    writing: function (key) {
      return stoStore.pending.has(key) || stoStore.batches.some(function (b) { return b.writes.has(key); });
    },

    // Reads `keys` from IndexedDB into the mirror, except those this tab is writing itself (its
    // transaction's check finds out whether another tab got there first).
    reread: function (keys) {
      return new Promise(function (resolve, reject) {
        var tx = stoStore.db.transaction('kv', 'readonly'), store = tx.objectStore('kv'), found = {};
        keys.forEach(function (key) {
          store.get(key).onsuccess = function (event) { found[key] = event.target.result; };
        });
        tx.oncomplete = function () {
          keys.forEach(function (key) { if (!stoStore.writing(key)) stoStore.setMirror(key, found[key]); });
          resolve();
        };
        tx.onabort = reject;
      });
    },

    setMirror: function (key, value) {
      if (value === undefined || value === null) stoStore.mirror.delete(key);
      else stoStore.mirror.set(key, stoStore.bytesOf(value));
    },

    bytesOf: function (value) { return stoRecords.bytesOf(value); },
    statusOf: function (error) { return stoRecords.statusOf(error); },

    startWorker: function () {
      try {
        stoStore.worker = new Worker('storage_records.js');
      } catch (e) {
        return;  // transactions run on this thread
      }
      stoStore.worker.onmessage = function (event) {
        var reply = event.data;
        if (reply.open === false) stoStore.workerLost();
        var batch = stoStore.batches.find(function (b) { return b.id === reply.id; });
        if (batch) stoStore.answered(batch, reply);
      };
      stoStore.worker.onerror = stoStore.workerLost;
    },

    // The worker could not open the database or failed: its batches are committed here instead.
    workerLost: function () {
      if (!stoStore.worker) return;
      stoStore.worker.terminate();
      stoStore.worker = null;
      stoStore.batches.forEach(function (batch) { if (!batch.over && batch.inWorker) stoStore.commitHere(batch, false); });
    },

    // What `key` is expected to hold when a transaction checks it: for the worker, a large value
    // by its length and hash where the worker told us its hash (sending megabytes would copy
    // them); else the value itself.
    expectation: function (value, forWorker) {
      if (value === undefined || value === null) return { absent: true };
      var hash = forWorker && value.length >= stoRecords.kLargeValue ? stoStore.hashes.get(value) : undefined;
      return hash ? { length: value.length, hash: hash } : { bytes: value };
    },

    // The batch as storage_records.js takes it; `transfer` (the worker's): the buffers handed over.
    message: function (batch, urgent, transfer) {
      var forWorker = transfer !== null;
      var message = { id: batch.id, writes: [], expected: [], urgent: urgent, hashes: forWorker };
      batch.writes.forEach(function (value, key) {
        var twin = forWorker && value ? stoStore.twins.get(value) : undefined;
        if (twin) {
          stoStore.twins.delete(value);
          transfer.push(twin.buffer);
        }
        message.writes.push([key, twin || value]);
      });
      batch.expected.forEach(function (value, key) { message.expected.push([key, stoStore.expectation(value, forWorker)]); });
      return message;
    },

    commitHere: function (batch, urgent) {
      batch.inWorker = false;
      batch.tx = stoRecords.commit(stoStore.db, stoStore.message(batch, urgent, null), function (reply) {
        stoStore.answered(batch, reply);
      });
    },

    // Bytes or null.
    get: function (key) {
      if (stoStore.backend === 'idb') return stoStore.mirror.has(key) ? stoStore.mirror.get(key) : null;
      if (stoStore.backend === 'local') return stoStore.bytesOf(window.localStorage.getItem(key));
      return null;
    },

    // Copies bytes into wasm memory for the app, which frees them: the address (0 when there is
    // nothing), and their number at sizeOut.
    toHeap: function (bytes, sizeOut) {
      if (bytes === null || bytes === undefined) return 0;
      var ptr = _malloc(bytes.length + 1);
      if (!ptr) return 0;
      HEAPU8.set(bytes, ptr);
      HEAPU8[ptr + bytes.length] = 0;
      HEAPU32[sizeOut >> 2] = bytes.length;
      return ptr;
    },

    // sto_storage_set's answer for `bytes` stored under the C string `key`; `twin`: a copy of them
    // to hand to the storage worker.
    set: function (key, bytes, twin) {
      try {
        var name = UTF8ToString(key);
        if (stoStore.backend === 'idb') {
          if (twin) stoStore.twins.set(bytes, twin);
          stoStore.write(name, bytes);
          return 0;
        }
        var text = stoStore.decoder.decode(bytes);
        window.localStorage.setItem(name, text);
        return window.localStorage.getItem(name) === text ? 0 : 3;
      } catch (e) {
        return stoStore.statusOf(e) === 'quota' ? 1 : 2;
      }
    },

    // Queues a write (null: a removal) for the transaction of this tick.
    write: function (key, value) {
      if (!stoStore.pending.has(key)) stoStore.expected.set(key, stoStore.mirror.get(key));
      stoStore.setMirror(key, value);
      stoStore.pending.set(key, value);
      stoStore.schedule();
    },

    schedule: function () {
      if (stoStore.scheduled) return;
      stoStore.scheduled = true;
      setTimeout(function () { stoStore.flush(false); }, 0);
    },

    // Sends the writes of this tick as one transaction; while one is under way the next waits for
    // it, unless `urgent` (the page is going away: commit here now, IndexedDB runs them in order,
    // together with the writes still with the worker, which dies with the page).
    flush: function (urgent) {
      stoStore.scheduled = false;
      if (stoStore.backend !== 'idb') return;
      if (urgent) {
        stoStore.batches.forEach(function (b) { if (!b.over && b.inWorker) stoStore.commitHere(b, true); });
      }
      if (stoStore.pending.size === 0 && stoStore.releases.length === 0) return;
      if (stoStore.batches.length > 0 && !urgent) return;
      var batch = { id: ++stoStore.nextBatch, writes: stoStore.pending, expected: stoStore.expected, releases: stoStore.releases,
                    tx: null, inWorker: false, over: false };
      stoStore.pending = new Map();
      stoStore.expected = new Map();
      stoStore.releases = [];
      stoStore.batches.push(batch);
      if (stoStore.worker && !urgent) {
        var transfer = [];
        batch.inWorker = true;
        stoStore.worker.postMessage(stoStore.message(batch, false, transfer), transfer);
      } else {
        stoStore.commitHere(batch, !!urgent);
      }
    },

    // A committed batch was read back as written: the old localStorage entries it copied are
    // removed (if they still hold what was copied) and the other tabs told. A failed one is undone.
    answered: function (batch, reply) {
      if (batch.over) return;
      if (reply.status !== 'ok') {
        // Read back differently: the mirror goes back to what IndexedDB holds now.
        if (reply.found) batch.writes.forEach(function (value, key) { batch.expected.set(key, stoStore.bytesOf(reply.found[key])); });
        stoStore.failed(batch, reply.status);
        return;
      }
      batch.writes.forEach(function (value, key) {
        var hash = reply.hashes && reply.hashes[key];
        if (hash && value) stoStore.hashes.set(value, hash);
      });
      batch.releases.forEach(function (entry) {
        try { if (window.localStorage.getItem(entry[0]) === entry[1]) window.localStorage.removeItem(entry[0]); } catch (e) { /* kept there */ }
      });
      var keys = Array.from(batch.writes.keys());
      stoStore.done(batch);
      if (stoStore.channel && keys.length > 0) stoStore.channel.postMessage({ keys: keys });
      stoStore.flush(false);
    },

    done: function (batch) {
      batch.over = true;
      var at = stoStore.batches.indexOf(batch);
      if (at >= 0) stoStore.batches.splice(at, 1);
    },

    // Writes after the failed batch were made on top of it: they are given up too. The mirror goes
    // back to what IndexedDB held before them, newest first; then the app is told once.
    failed: function (batch, status) {
      if (batch.over) return;
      var at = stoStore.batches.indexOf(batch);
      var undone = stoStore.batches.slice(at);
      undone.forEach(function (b) {
        b.over = true;
        if (b !== batch && b.tx) try { b.tx.abort(); } catch (e) { /* already finished */ }
      });
      stoStore.batches = stoStore.batches.slice(0, at);
      undone.push({ writes: stoStore.pending, expected: stoStore.expected });
      stoStore.pending = new Map();
      stoStore.expected = new Map();
      stoStore.releases = [];  // the old entries stay in localStorage: the next start copies them again
      var keys = [];
      undone.reverse().forEach(function (b) {
        b.expected.forEach(function (value, key) { stoStore.setMirror(key, value); keys.push(key); });
      });
      if (Module['_sto_api_storage_write_failed']) Module['_sto_api_storage_write_failed'](stoStore.kStatus[status] || 2);
      stoGlue.wake = true;
      // Another tab's newer records: read them, then the app compares generations as for a broadcast.
      if (status === 'conflict') stoStore.reread(keys).then(stoStore.changed, function () {});
    },
  },

  sto_storage_get__deps: ['$stoStore'],
  sto_storage_get: function (key, sizeOut) {
    try {
      return stoStore.toHeap(stoStore.get(UTF8ToString(key)), sizeOut);
    } catch (e) {
      return 0;
    }
  },

  // 0 ok, 1 quota exceeded, 2 storage unavailable (private mode, disabled, security policy), 3 not
  // the same when read back. With IndexedDB a write is queued: it is read back after its commit,
  // and a failure arrives then through sto_api_storage_write_failed.
  sto_storage_set__deps: ['$stoStore'],
  sto_storage_set: function (key, data, size) {
    // IndexedDB keeps the bytes (a copy out of wasm memory); localStorage keeps their text.
    var bytes = stoStore.backend === 'idb' ? HEAPU8.slice(data, data + size) : HEAPU8.subarray(data, data + size);
    return stoStore.set(key, bytes, null);
  },

  // A large text crosses in parts (platform/browser.h storage_stage, storage_read_some), so the
  // page faults of a fresh 5 MB buffer are spread over frames instead of stalling one.
  sto_storage_stage_begin__deps: ['$stoStore'],
  // With a storage worker a second copy is made alongside, to hand over without a copy then; it
  // is made with the first part, so the two buffers of megabytes are not allocated in one frame.
  sto_storage_stage_begin: function (size) {
    stoStore.staged = new Uint8Array(size);
    stoStore.stagedTwin = null;
  },
  sto_storage_stage_part__deps: ['$stoStore'],
  sto_storage_stage_part: function (data, offset, size) {
    var part = HEAPU8.subarray(data + offset, data + offset + size);
    if (offset === 0 && stoStore.worker) stoStore.stagedTwin = new Uint8Array(stoStore.staged.length);
    stoStore.staged.set(part, offset);
    if (stoStore.stagedTwin) stoStore.stagedTwin.set(part, offset);
  },
  // sto_storage_set with the staged copy as the value.
  sto_storage_set_staged__deps: ['$stoStore'],
  sto_storage_set_staged: function (key) {
    var bytes = stoStore.staged, twin = stoStore.stagedTwin;
    stoStore.staged = stoStore.stagedTwin = null;
    return bytes ? stoStore.set(key, bytes, twin) : 2;  // nothing staged: never a removal
  },
  // The size of the value of `key` (-1: none), kept as it is now for sto_storage_read_part.
  sto_storage_read_begin__deps: ['$stoStore'],
  sto_storage_read_begin: function (key) {
    try {
      stoStore.reading = stoStore.get(UTF8ToString(key));
    } catch (e) {
      stoStore.reading = null;
    }
    return stoStore.reading ? stoStore.reading.length : -1;
  },
  sto_storage_read_part__deps: ['$stoStore'],
  sto_storage_read_part: function (into, offset, size) {
    HEAPU8.set(stoStore.reading.subarray(offset, offset + size), into + offset);
  },

  sto_storage_remove__deps: ['$stoStore'],
  sto_storage_remove: function (key) {
    try {
      if (stoStore.backend === 'idb') stoStore.write(UTF8ToString(key), null);
      else window.localStorage.removeItem(UTF8ToString(key));
    } catch (e) { /* nothing to remove */ }
  },

  // Keys starting with prefix, as one string separated by newlines (keys never contain one).
  // `legacy`: the localStorage an earlier release kept its plans in (none unless on IndexedDB).
  sto_storage_keys__deps: ['$stoStore'],
  sto_storage_keys: function (prefix, legacy) {
    var wanted = UTF8ToString(prefix), keys = [];
    try {
      if (stoStore.backend === 'idb' && !legacy) {
        stoStore.mirror.forEach(function (value, key) { if (key.indexOf(wanted) === 0) keys.push(key); });
      } else if (stoStore.backend === 'idb' || (stoStore.backend === 'local' && !legacy)) {
        for (var i = 0; i < window.localStorage.length; ++i) {
          var key = window.localStorage.key(i);
          if (key !== null && key.indexOf(wanted) === 0) keys.push(key);
        }
      }
    } catch (e) { /* storage unavailable: no keys */ }
    var text = keys.join('\n'), size = lengthBytesUTF8(text) + 1, ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
  },

  // An entry of the old localStorage store, while plans live in IndexedDB.
  sto_legacy_storage_get__deps: ['$stoStore'],
  sto_legacy_storage_get: function (key, sizeOut) {
    try {
      var value = stoStore.backend === 'idb' ? window.localStorage.getItem(UTF8ToString(key)) : null;
      return stoStore.toHeap(stoStore.bytesOf(value), sizeOut);
    } catch (e) {
      return 0;
    }
  },

  // Removes an old localStorage entry once the writes queued so far are committed and read back,
  // if it still holds `value` then (a tab running the old release may have written it since).
  sto_legacy_storage_release__deps: ['$stoStore'],
  sto_legacy_storage_release: function (key, value) {
    if (stoStore.backend !== 'idb') return;
    stoStore.releases.push([UTF8ToString(key), UTF8ToString(value)]);
    stoStore.schedule();
  },

  sto_storage_usable__deps: ['$stoStore'],
  sto_storage_usable: function () { return stoStore.backend === 'none' ? 0 : 1; },

  // The page is going away: queued writes go to IndexedDB now, not at the next tick.
  sto_storage_flush__deps: ['$stoStore'],
  sto_storage_flush: function () { stoStore.flush(true); },

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
  sto_monotonic_ms: function () { return performance.now(); },

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

  // The frame's items for the DOM mirror (web/shell/access.js), as JSON; 0 when not applied.
  sto_publish_accessibility: function (json, size) {
    return window.stoAccess && window.stoAccess.update(UTF8ToString(json, size)) ? 1 : 0;
  },

  sto_signal_ready: function () {
    if (Module['onStoReady']) Module['onStoReady']();
  },

  sto_signal_start_failed: function (reason) {
    if (Module['onStoStartFailed']) Module['onStoStartFailed'](UTF8ToString(reason));
  },
});
