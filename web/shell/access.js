// The accessible page behind the canvas: a DOM mirror of the items the app drew in its last frame
// (web/access/access.h publishes them as JSON), for screen readers, keyboards and touch screens.
//   - Every item becomes a real element with its role, name, value and state, over its rectangle
//     (invisible, pointer-events off: the mouse still talks to the canvas).
//   - Tab moves DOM focus through the elements in the order ImGui drew them; the app follows
//     (scrolls the item into view; a text field is entered). Enter, Space and a screen reader's
//     click activate the item.
//   - A text field being edited is a real <input>/<textarea> over the ImGui field: typing, IME,
//     dead keys, paste and autocorrect happen there and the text is handed to the app; a tablet
//     opens its keyboard for it.
//   - An aria-live region says what changed (saved, findings, refused entries, banners).
'use strict';
(function () {
  var kChecked = 1, kExpanded = 4, kExpandable = 8, kSelected = 16, kDisabled = 32, kActive = 64,
    kMultiline = 128;

  var root = null, live = null, ring = null, errors = null;
  var elements = new Map();  // key -> element, reused between frames so focus stays put
  var nodes = new Map();     // item id -> its node in the last frame
  var fontSize = 16;
  var returnFocus = [];      // items focused before a menu or dialog took the focus
  var focusWasInMirror = false, lastFocusedId = 0;
  var shownPopups = new Set();
  var liveTimer = 0;
  var enteredField = null;   // the field the app entered in this update, focused after it

  function api(name, id, text, number) {
    var M = window.Module;
    if (!M || !M.ccall) return;
    if (number !== undefined) { M.ccall(name, null, ['number', 'number'], [id, number]); return; }
    if (text === undefined) { M.ccall(name, null, ['number'], [id]); return; }
    var size = M.lengthBytesUTF8(text) + 1, ptr = M._malloc(size);
    M.stringToUTF8(text, ptr, size);
    try { M.ccall(name, null, ['number', 'number'], [id, ptr]); } finally { M._free(ptr); }
  }

  function idOf(el) { return el && el.dataset && el.dataset.stoId ? Number(el.dataset.stoId) : 0; }
  function isField(el) { return el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') && idOf(el) !== 0; }

  function setAttr(el, name, value) {
    if (value === null || value === undefined || value === false) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else if (el.getAttribute(name) !== String(value)) {
      el.setAttribute(name, String(value));
    }
  }

  function install() {
    root = document.getElementById('access');
    live = document.getElementById('access-live');
    ring = document.createElement('div');
    ring.className = 'access-ring';
    ring.hidden = true;
    errors = document.createElement('div');
    errors.className = 'access-hidden';
    document.body.appendChild(ring);
    document.body.appendChild(errors);

    root.addEventListener('focusin', function (event) {
      var id = idOf(event.target);
      if (!id) return;
      showRing(event.target);
      api('sto_api_access_focus', id);
    });
    root.addEventListener('focusout', function (event) {
      ring.hidden = true;
      var id = idOf(event.target);
      // Leaving a field that is being typed in commits it, as a click elsewhere does.
      if (isField(event.target)) api('sto_api_access_leave', id);
    });
    root.addEventListener('click', function (event) {
      var el = event.target.closest('[data-sto-id]');
      if (!el || isField(el) || el.getAttribute('aria-disabled') === 'true') return;
      api('sto_api_access_activate', idOf(el));
    });
    root.addEventListener('input', function (event) {
      if (isField(event.target)) api('sto_api_access_text', idOf(event.target), event.target.value);
    });
    // Registered before Emscripten's GLFW listeners (this script runs first): decides which keys
    // the app sees. Tab is always the browser's (focus moves through the mirror).
    ['keydown', 'keypress', 'keyup'].forEach(function (type) {
      window.addEventListener(type, routeKey, true);
    });
    // A button pressed on the canvas and released over something else (the field's input, which
    // appears under the mouse when the click enters it) is still released for the app: GLFW only
    // listens on the canvas, and a missed release leaves the button down for good.
    window.addEventListener('mouseup', function (event) {
      var canvas = window.Module && window.Module.canvas;
      if (!canvas || event.target === canvas) return;
      canvas.dispatchEvent(new MouseEvent('mouseup', {
        clientX: event.clientX, clientY: event.clientY, button: event.button, buttons: event.buttons,
      }));
    }, true);
    // A touch keyboard shrinks the visual viewport: shrink the canvas with it and bring the field
    // being typed in back into view.
    if (window.visualViewport) {
      window.visualViewport.addEventListener('resize', function () {
        var canvas = window.Module && window.Module.canvas;
        if (!canvas) return;
        var full = window.visualViewport.height >= window.innerHeight - 1;
        canvas.style.height = full ? '' : window.visualViewport.height + 'px';
        var active = document.activeElement;
        if (isField(active)) api('sto_api_access_focus', idOf(active));
      });
    }
  }

  function routeKey(event) {
    if (event.key === 'Tab') {  // the browser moves focus; GLFW would swallow it
      event.stopImmediatePropagation();
      return;
    }
    var target = event.target, id = idOf(target);
    if (!id) {  // the canvas has focus: every key is the app's
      // Ctrl+Z / Ctrl+Y are the app's undo and redo only: the browser's own would undo the last
      // text typed in a field's input, focusing it and changing the field behind the app's back.
      if ((event.ctrlKey || event.metaKey) && /^[zy]$/i.test(event.key)) event.preventDefault();
      return;
    }
    if (isField(target)) {
      // The app keeps track of modifiers; outside an edit, Ctrl+Z / Ctrl+Y are the app's undo.
      if (/^(Control|Shift|Alt|Meta)$/.test(event.key)) return;
      if (!target.classList.contains('editing') && (event.ctrlKey || event.metaKey) && /^[zy]$/i.test(event.key)) {
        event.preventDefault();
        return;
      }
      // Typing belongs to the input. Enter (single line) and Escape finish the edit in the app
      // too, as they do in an ImGui field: sent in turn after the text typed before them.
      event.stopImmediatePropagation();
      var finishes = event.key === 'Escape' || (event.key === 'Enter' && target.tagName === 'INPUT');
      if (finishes && event.type === 'keydown' && !event.isComposing) {
        api('sto_api_access_key', id, undefined, event.key === 'Enter' ? 1 : 0);
        event.preventDefault();
      }
      return;
    }
    // On any other item the element handles Enter and Space (a click); shortcuts such as Ctrl+Z
    // and Escape (closing a menu or dialog) still reach the app.
    if (event.ctrlKey || event.metaKey || event.key === 'Escape') return;
    event.stopImmediatePropagation();
    if (event.type === 'keydown') moveInList(event);
  }

  // Arrow keys move through the entries of an open menu or list, as in a desktop menu.
  function moveInList(event) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    var list = event.target.closest('[role=menu],[role=listbox],[role=menubar]');
    if (!list) return;
    var items = Array.prototype.filter.call(list.querySelectorAll('[data-sto-id]'), function (el) {
      return !isField(el);
    });
    var at = items.indexOf(event.target);
    if (at < 0 || items.length === 0) return;
    var next = items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
    next.focus();
    event.preventDefault();
  }

  function showRing(el) {
    var node = nodes.get(idOf(el));
    if (!node || !el.matches(':focus-visible')) { ring.hidden = true; return; }
    ring.style.left = (node.x - 3) + 'px';
    ring.style.top = (node.y - 3) + 'px';
    ring.style.width = (node.w + 6) + 'px';
    ring.style.height = (node.h + 6) + 'px';
    ring.hidden = false;
  }

  // [Elements]
  function elementFor(node) {
    var tag = tagOf(node), key = 'n' + node.id + tag;
    var el = elements.get(key);
    if (!el) {
      el = document.createElement(tag === 'h' ? 'h' + Math.min(6, node.level || 2) : tag);
      el.dataset.stoId = String(node.id);
      if (tag === 'button') el.type = 'button';
      if (tag === 'input') { el.type = 'text'; el.autocomplete = 'off'; }
      elements.set(key, el);
    }
    el.stoSeen = true;
    return el;
  }

  function tagOf(node) {
    switch (node.role) {
      case 'textbox': return node.state & kMultiline ? 'textarea' : 'input';
      case 'heading': return 'h';
      case 'text': return node.table ? 'span' : 'p';
      case 'figure': case 'slider': return 'div';
      default: return 'button';
    }
  }

  // What describe() reads of a node. Most items are unchanged from one update to the next, and
  // comparing these costs far less than the DOM reads and writes that would find no difference
  // (2-4 ms for the 237 elements of the budget grid on the bench machine).
  var describedFields = ['id', 'role', 'x', 'y', 'w', 'h', 'state', 'name', 'value', 'error', 'level',
                         'caret', 'mode', 'min', 'max', 'now'];
  function sameDescription(a, b) {
    if (!a) return false;
    for (var i = 0; i < describedFields.length; ++i) {
      if (a[describedFields[i]] !== b[describedFields[i]]) return false;
    }
    return true;
  }

  function describe(el, node) {
    var state = node.state || 0, name = node.name || '';
    var unchanged = sameDescription(el.stoNode, node);
    el.stoNode = node;
    // A field being edited is always described (it takes the focus); a field not being edited
    // still shows the app's value, whatever was typed into the element.
    if (unchanged && !(state & kActive)) {
      if (node.role === 'textbox') keepField(el, node);
      return;
    }
    if (el.dataset.stoId !== String(node.id)) el.dataset.stoId = String(node.id);
    var style = el.style;
    if (style.left !== node.x + 'px') style.left = node.x + 'px';
    if (style.top !== node.y + 'px') style.top = node.y + 'px';
    if (style.width !== node.w + 'px') style.width = node.w + 'px';
    if (style.height !== node.h + 'px') style.height = node.h + 'px';
    setAttr(el, 'aria-disabled', state & kDisabled ? 'true' : null);
    switch (node.role) {
      case 'textbox': describeField(el, node); return;
      case 'heading': case 'text':
        if (el.textContent !== name) el.textContent = name;
        return;
      case 'figure':
        setAttr(el, 'role', 'img');
        setAttr(el, 'aria-label', name + (node.value ? ': ' + node.value : ''));
        return;
      case 'slider':
        setAttr(el, 'role', 'slider');
        setAttr(el, 'tabindex', '0');
        setAttr(el, 'aria-label', name);
        setAttr(el, 'aria-valuemin', node.min);
        setAttr(el, 'aria-valuemax', node.max);
        setAttr(el, 'aria-valuenow', node.now);
        setAttr(el, 'aria-valuetext', node.value || null);
        return;
    }
    var role = null;
    if (node.role === 'checkbox' || node.role === 'radio' || node.role === 'tab' || node.role === 'option') role = node.role;
    if (node.role === 'menu' || node.role === 'menuitem') role = state & kChecked ? 'menuitemcheckbox' : 'menuitem';
    setAttr(el, 'role', role);
    setAttr(el, 'aria-checked', role === 'checkbox' || role === 'radio' || role === 'menuitemcheckbox' ? String(!!(state & kChecked)) : null);
    setAttr(el, 'aria-selected', role === 'tab' || role === 'option' ? String(!!(state & kSelected)) : null);
    setAttr(el, 'aria-current', node.role === 'nav' && state & kSelected ? 'page' : null);
    setAttr(el, 'aria-haspopup', node.role === 'menu' ? 'menu' : node.role === 'combobox' ? 'listbox' : null);
    setAttr(el, 'aria-expanded', state & kExpandable ? String(!!(state & kExpanded)) : null);
    var label = node.role === 'combobox' ? (name ? name + ': ' : '') + (node.value || '') : name;
    if (el.textContent !== label) el.textContent = label;
  }

  function describeField(el, node) {
    var state = node.state || 0;
    setAttr(el, 'aria-label', node.name || null);
    setAttr(el, 'inputmode', node.mode || null);
    setAttr(el, 'enterkeyhint', el.tagName === 'INPUT' ? 'done' : null);
    setAttr(el, 'aria-invalid', node.error ? 'true' : null);
    var errorId = 'access-error-' + node.id;
    setAttr(el, 'aria-describedby', node.error ? errorId : null);
    var message = document.getElementById(errorId);
    if (node.error) {
      message = message || errors.appendChild(document.createElement('span'));
      message.id = errorId;
      message.textContent = node.error;
      message.stoSeen = true;
    } else if (message) {
      message.remove();
    }
    var editing = (state & kActive) !== 0;
    if (editing) {
      el.classList.add('editing');
      el.style.fontSize = fontSize + 'px';
      // The app entered the field (a click or a tap on the canvas): typing goes to the input,
      // focused once it is in place (moving a focused element would blur it).
      if (document.activeElement !== el) {
        el.value = node.value || '';
        el.stoCaret = node.caret;
        enteredField = el;
      }
    } else {
      el.classList.remove('editing');
      if (el.value !== (node.value || '')) el.value = node.value || '';
    }
  }

  // An unchanged field not being edited: its value and its error message stay.
  function keepField(el, node) {
    if (el.value !== (node.value || '')) el.value = node.value || '';
    if (node.error) {
      var message = document.getElementById('access-error-' + node.id);
      if (message) message.stoSeen = true;
    }
  }

  // [Containers] Regions, tables, rows, cells and tab lists, keyed so they are reused.
  function container(key, make) {
    var el = elements.get(key);
    if (!el) { el = make(); elements.set(key, el); }
    el.stoSeen = true;
    return el;
  }

  function regionElement(region) {
    return container('r' + region.id + region.kind, function () {
      var el;
      switch (region.kind) {
        case 'nav': el = document.createElement('nav'); break;
        case 'main': el = document.createElement('div'); el.setAttribute('role', 'region'); break;
        default: el = document.createElement('div'); el.setAttribute('role', region.kind === 'dialog' ? 'dialog' : region.kind);
      }
      if (region.kind === 'dialog') el.setAttribute('aria-modal', 'true');
      return el;
    });
  }

  function labelRegion(el, region, lang) {
    var names = {
      nl: { main: 'Werkblad', menubar: 'Menubalk', nav: 'Secties', menu: 'Menu', listbox: 'Keuzelijst', dialog: 'Dialoogvenster' },
      en: { main: 'Workspace', menubar: 'Menu bar', nav: 'Sections', menu: 'Menu', listbox: 'Choices', dialog: 'Dialog' },
    };
    setAttr(el, 'aria-label', region.name || (names[lang] || names.nl)[region.kind]);
  }

  function tableElement(table) {
    var el = container('t' + table.id, function () {
      var t = document.createElement('div');
      t.setAttribute('role', 'table');
      return t;
    });
    setAttr(el, 'aria-rowcount', table.rows >= 0 ? table.rows + 1 : null);
    setAttr(el, 'aria-colcount', table.columns.length);
    var header = container('h' + table.id, function () {
      var row = document.createElement('div');
      row.setAttribute('role', 'row');
      row.setAttribute('aria-rowindex', '1');
      return row;
    });
    var cells = table.columns.map(function (name, i) {
      var cell = container('h' + table.id + '_' + i, function () {
        var c = document.createElement('div');
        c.setAttribute('role', 'columnheader');
        c.className = 'access-hidden';
        return c;
      });
      if (cell.textContent !== name) cell.textContent = name;
      return cell;
    });
    return { el: el, header: header, headerCells: cells };
  }

  // Puts `list` as the children of `parent` in that order, moving as few elements as it can (a
  // moved element loses focus).
  function sync(parent, list) {
    var wanted = new Set(list), child = parent.firstChild;
    while (child) {
      var next = child.nextSibling;
      if (!wanted.has(child)) parent.removeChild(child);
      child = next;
    }
    child = parent.firstChild;
    for (var i = 0; i < list.length; ++i) {
      if (child === list[i]) { child = child.nextSibling; continue; }
      parent.insertBefore(list[i], child);
    }
  }

  // The app's description of a frame: the whole of it ("whole": regions, tables and every item,
  // when an element would move) or the items that look different since the last one ("changed").
  // False when it cannot be applied (changes without a whole description before them): the app
  // then sends the whole one next.
  var shown = null;            // the last whole description, its items kept up to date
  var placeOf = new Map();     // item id -> its index in shown.nodes
  function update(json) {
    var data = JSON.parse(json);
    if (!data.whole && !shown) return false;
    if (document.documentElement.lang !== data.lang) document.documentElement.lang = data.lang;
    if (data.title && document.title !== data.title) document.title = data.title;
    if (data.say) announce(data.say);
    fontSize = data.font || 16;
    if (data.whole) {
      build(data);
      shown = data;
      placeOf = new Map();
      data.nodes.forEach(function (node, i) { placeOf.set(node.id, i); });
    } else {
      data.changed.forEach(function (node) {
        var key = 'n' + node.id + tagOf(node);
        if (node.was !== undefined) {
          // A text with new content (its id is its content): the same element, under its new id.
          var at = placeOf.get(node.was), oldKey = 'n' + node.was + tagOf(node);
          placeOf.delete(node.was);
          placeOf.set(node.id, at);
          nodes.delete(node.was);
          var moved = elements.get(oldKey);
          elements.delete(oldKey);
          if (moved) elements.set(key, moved);
        }
        shown.nodes[placeOf.get(node.id)] = node;
        nodes.set(node.id, node);
        var el = elements.get(key);
        if (el) describe(el, node);
      });
    }
    if (enteredField) {
      enteredField.focus({ preventScroll: true });
      var caret = enteredField.stoCaret;
      if (caret >= 0 && caret <= enteredField.value.length) enteredField.setSelectionRange(caret, caret);
      enteredField = null;
    }
    followPopups(shown);
    var focused = document.activeElement;
    if (idOf(focused) && root.contains(focused)) showRing(focused);
    return true;
  }

  // Builds the mirror from a whole description, reusing the elements it already has.
  function build(data) {
    elements.forEach(function (el) { el.stoSeen = false; });
    Array.prototype.forEach.call(errors.children, function (el) { el.stoSeen = false; });
    var children = new Map();
    function add(parent, child) {
      var list = children.get(parent);
      if (!list) children.set(parent, list = []);
      if (list[list.length - 1] !== child && list.indexOf(child) < 0) list.push(child);
    }
    var regions = new Map(), rootList = [];
    data.regions.forEach(function (region) {
      var el = regionElement(region);
      labelRegion(el, region, data.lang);
      regions.set(region.id, { region: region, el: el, text: null });
      rootList.push(el);
      children.set(el, []);
    });
    var tables = new Map(), tableElements = new Map();
    data.tables.forEach(function (t) { tables.set(t.id, t); });

    nodes = new Map();
    var tabList = null, lastParent = null;
    data.nodes.forEach(function (node) {
      nodes.set(node.id, node);
      var region = regions.get(node.region);
      if (!region) return;
      var el = elementFor(node);
      describe(el, node);
      var parent = region.el;
      // Menus and lists hold only their entries: their text goes beside them.
      if ((node.role === 'text' || node.role === 'heading') && /^(menubar|menu|listbox)$/.test(region.region.kind)) {
        if (!region.text) {
          region.text = container('x' + region.region.id, function () { return document.createElement('div'); });
          rootList.splice(rootList.indexOf(region.el) + 1, 0, region.text);
        }
        parent = region.text;
      } else if (node.table && tables.has(node.table)) {
        // Once per table and update, not for each of its cells.
        var table = tableElements.get(node.table);
        if (!table) {
          table = tableElement(tables.get(node.table));
          tableElements.set(node.table, table);
          add(table.el, table.header);
          table.headerCells.forEach(function (cell) { add(table.header, cell); });
        }
        add(region.el, table.el);
        // A row known by its index keeps its element when the grid scrolls.
        var rowKey = node.table + '_' + (node.row >= 0 ? 'r' + node.row : node.row_key);
        var row = container('w' + rowKey, function () {
          var r = document.createElement('div');
          r.setAttribute('role', 'row');
          return r;
        });
        var rowIndex = node.row >= 0 ? node.row + 2 : null;
        if (row.stoRowIndex !== rowIndex) {
          setAttr(row, 'aria-rowindex', rowIndex);
          row.stoRowIndex = rowIndex;
        }
        add(table.el, row);
        var cell = container('c' + rowKey + '_' + node.column, function () {
          var c = document.createElement('div');
          c.setAttribute('role', 'cell');
          return c;
        });
        add(row, cell);
        parent = cell;
      } else if (node.role === 'tab') {
        if (!tabList || lastParent !== tabList) {
          tabList = container('l' + node.id, function () {
            var l = document.createElement('div');
            l.setAttribute('role', 'tablist');
            return l;
          });
          add(region.el, tabList);
        }
        parent = tabList;
      }
      add(parent, el);
      lastParent = parent;
    });
    sync(root, rootList);
    children.forEach(function (list, parent) { sync(parent, list); });
    elements.forEach(function (el, key) { if (!el.stoSeen) elements.delete(key); });
    Array.prototype.slice.call(errors.children).forEach(function (el) { if (!el.stoSeen) el.remove(); });
  }

  // A menu or dialog that opens takes the keyboard focus; when it closes, focus returns to where
  // it was. An element that disappears with focus on it hands focus back the same way.
  function followPopups(data) {
    var popups = new Set();
    data.regions.forEach(function (r) {
      if (r.kind === 'menu' || r.kind === 'dialog' || r.kind === 'listbox') popups.add(r.id);
    });
    var focused = document.activeElement;
    // Only a keyboard or screen reader user, whose focus is (or just was) in the mirror, is moved.
    var inMirror = root.contains(focused) || ((!focused || focused === document.body) && focusWasInMirror);
    popups.forEach(function (id) {
      if (shownPopups.has(id) || !inMirror) return;
      var first = data.nodes.find(function (n) {
        return n.region === id && n.role !== 'text' && n.role !== 'heading';
      });
      var el = first && elements.get('n' + first.id + tagOf(first));
      if (!el) return;
      if (idOf(focused)) returnFocus.push(idOf(focused));
      el.focus({ preventScroll: true });
    });
    shownPopups = popups;
    if (inMirror && !root.contains(document.activeElement)) {
      // The focused item went away (a menu closed, a dialog ended): back to where the user was.
      if (lastFocusedId) returnFocus.push(lastFocusedId);
      while (returnFocus.length) {
        var back = root.querySelector('[data-sto-id="' + returnFocus.pop() + '"]');
        if (back) { back.focus({ preventScroll: true }); break; }
      }
    }
    focusWasInMirror = root.contains(document.activeElement);
    if (focusWasInMirror) lastFocusedId = idOf(document.activeElement);
  }

  function announce(text) {
    clearTimeout(liveTimer);
    live.textContent = '';
    // A new text node after a tick, so the same message is announced again when it repeats.
    liveTimer = setTimeout(function () { live.textContent = text; }, 50);
  }

  // A tap on the canvas (stoplan-api.js): when it lands on a text field, focus its input now,
  // while the tap still counts as a user gesture, so a tablet opens its keyboard. A tap elsewhere
  // leaves the field being typed in.
  function tapAt(x, y) {
    var hit = null;
    nodes.forEach(function (node) {
      if (node.role === 'textbox' && x >= node.x && x < node.x + node.w && y >= node.y && y < node.y + node.h) hit = node;
    });
    var active = document.activeElement;
    if (hit) {
      var el = elements.get('n' + hit.id + tagOf(hit));
      if (el && el !== active) {
        el.classList.add('editing');
        el.style.fontSize = fontSize + 'px';
        el.focus({ preventScroll: true });
      }
      return;
    }
    if (isField(active)) {
      // The tap went to the canvas: so does the focus, and it does not come back to the field.
      focusWasInMirror = false;
      returnFocus = [];
      window.Module.canvas.focus({ preventScroll: true });
    }
  }

  install();
  window.stoAccess = { update: update, tapAt: tapAt };
})();
