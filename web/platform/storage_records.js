// How the page's writes become IndexedDB records (glue.js, stoStore), loaded twice: by the page
// (self.stoRecords), and as the storage worker, which commits the writes off the page's thread.
// Putting a 5 MB plan text into IndexedDB copies and serializes it, about 40 ms, and reading it
// back to verify takes as long again; in the worker that work never holds up a frame. The page
// commits on its own thread only where the worker cannot help: the page is going away (a worker
// dies with it), or no worker started.
//
// A batch is { id, writes: [[key, bytes or null]], expected: [[key, { bytes } | { absent } |
// { length, hash }]], urgent, hashes } and is one readwrite transaction: every key is first
// checked to still hold what the page expects (else nothing is written: 'conflict'), the writes
// are made, and after the commit every written key is read back and compared. The answer is
// { id, status, hashes, found }: status ok, conflict, quota, unavailable or not_verified (with what
// was found, when it could be read); `hashes`, when the batch asks for them (the worker's): the
// hash of each large value written, so the page can later expect that value by its hash instead
// of sending megabytes to check.
'use strict';

(function (scope) {
  const kLargeValue = 64 * 1024;  // values from this size are expected by length and hash
  const encoder = new TextEncoder();

  // A record as bytes: records of database version 1 (and localStorage) hold text.
  function bytesOf(value) {
    if (value === undefined || value === null || value instanceof Uint8Array) return value;
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
    return encoder.encode(String(value));
  }

  // Whether two records (bytes, text, or absent: undefined or null) hold the same.
  function same(a, b) {
    if (a === undefined || a === null || b === undefined || b === null) return (a == null) === (b == null);
    a = bytesOf(a);
    b = bytesOf(b);
    if (a === b) return true;
    if (a.length !== b.length) return false;
    let i = 0;
    if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
      const words = a.length >> 2;  // four bytes at a time: a plan text is megabytes
      const wa = new Uint32Array(a.buffer, a.byteOffset, words), wb = new Uint32Array(b.buffer, b.byteOffset, words);
      for (; i < words; ++i) if (wa[i] !== wb[i]) return false;
      i = words << 2;
    }
    for (; i < a.length; ++i) if (a[i] !== b[i]) return false;
    return true;
  }

  // FNV-1a in two lanes over 32-bit words, then the last bytes: a 5 MB text in a few milliseconds.
  function hashOf(bytes) {
    let a = 0x811c9dc5, b = 0x01000193 ^ bytes.length, i = 0;
    if (bytes.byteOffset % 4 === 0) {
      const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
      for (; i < words.length; ++i) {
        a = Math.imul(a ^ words[i], 0x01000193);
        b = Math.imul(b ^ words[i], 0x5bd1e995) ^ (b >>> 15);
      }
      i <<= 2;
    }
    for (; i < bytes.length; ++i) {
      a = Math.imul(a ^ bytes[i], 0x01000193);
      b = Math.imul(b ^ bytes[i], 0x5bd1e995) ^ (b >>> 15);
    }
    return (a >>> 0).toString(16) + ':' + (b >>> 0).toString(16);
  }

  function holds(found, expected) {
    if (expected.absent) return found === undefined || found === null;
    if (expected.bytes) return same(found, expected.bytes);
    const bytes = bytesOf(found);
    return bytes != null && bytes.length === expected.length && hashOf(bytes) === expected.hash;
  }

  function statusOf(error) {
    const quota = error && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22);
    return quota ? 'quota' : 'unavailable';
  }

  // Commits `batch` to `db`, answering through `reply` once; returns the transaction (null when
  // none could be made).
  function commit(db, batch, reply) {
    let status = 'ok', tx;
    const answer = (message) => reply(Object.assign({ id: batch.id }, message));
    try {
      tx = db.transaction('kv', 'readwrite');
    } catch (e) {
      answer({ status: statusOf(e) });
      return null;
    }
    const store = tx.objectStore('kv');
    tx.onabort = () => answer({ status: status !== 'ok' ? status : statusOf(tx.error) });
    tx.oncomplete = () => verify(db, batch, answer);
    // The checks are queued before the writes (IndexedDB runs them in order) and one that differs
    // aborts the transaction before it can commit: a write queued in a callback would be lost when
    // the page goes away before the callback runs.
    batch.expected.forEach(([key, expected]) => {
      store.get(key).onsuccess = (event) => {
        if (status !== 'ok' || holds(event.target.result, expected)) return;
        status = 'conflict';
        try { tx.abort(); } catch (e) { /* committed already */ }
      };
    });
    try {
      batch.writes.forEach(([key, value]) => { if (value === null) store.delete(key); else store.put(value, key); });
      // The page is going away: a transaction still open when it goes is aborted, so it is
      // committed now. The checks can no longer abort it; the save itself checked the generation
      // against this tab's copy, which other tabs' commits update.
      if (batch.urgent && tx.commit) tx.commit();
    } catch (e) {
      status = statusOf(e);
      try { tx.abort(); } catch (ignored) { /* aborted already */ }
    }
    return tx;
  }

  function verify(db, batch, answer) {
    const found = {};
    let check;
    try {
      check = db.transaction('kv', 'readonly');
    } catch (e) {
      answer({ status: 'not_verified' });
      return;
    }
    const store = check.objectStore('kv');
    batch.writes.forEach(([key]) => { store.get(key).onsuccess = (event) => { found[key] = event.target.result; }; });
    check.onabort = () => answer({ status: 'not_verified' });
    check.oncomplete = () => {
      if (!batch.writes.every(([key, value]) => same(found[key], value))) {
        answer({ status: 'not_verified', found });
        return;
      }
      const hashes = {};
      if (batch.hashes) batch.writes.forEach(([key, value]) => { if (value && value.length >= kLargeValue) hashes[key] = hashOf(value); });
      answer({ status: 'ok', hashes });
    };
  }

  scope.stoRecords = { kLargeValue, bytesOf, same, statusOf, commit };

  // [The storage worker] The page opened (and if need be upgraded) the database before starting it.
  if (typeof WorkerGlobalScope === 'undefined' || !(scope instanceof WorkerGlobalScope)) return;
  let db = null;
  const waiting = [];  // batches that came before the database was open
  const post = (message) => scope.postMessage(message);
  scope.onmessage = (event) => { if (db) commit(db, event.data, post); else waiting.push(event.data); };
  const request = indexedDB.open('sto-planner');
  request.onsuccess = () => {
    db = request.result;
    db.onversionchange = () => db.close();  // a later version of the app upgrading it
    post({ open: true });
    waiting.splice(0).forEach((batch) => commit(db, batch, post));
  };
  request.onerror = () => post({ open: false });
})(self);
