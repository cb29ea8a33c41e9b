// window.stoplan: a small JavaScript API over the running app, for browser tests and scripting.
//   ready                 a promise, resolved once the app has drawn its first frames
//   planJson()            the current plan as plan-file JSON (string)
//   loadPlanJson(text)    replace the plan with a plan file's text -> {ok, error}; on failure the
//                         current plan stays as it was
//   summaryJson()         the engine's summary of the current plan (parsed object)
//   itemRect(label)       {x, y, width, height} in CSS pixels of the ImGui item with that label
//                         (or its visible part before "##") in the last frame, or null
//   frameCount()          frames drawn so far (stays still while the app is idle)
'use strict';
(function () {
  var status = document.getElementById('status');
  var canvas = document.getElementById('canvas');
  // The app has its own menus; the browser's context menu over the canvas only gets in the way.
  canvas.addEventListener('contextmenu', function (event) { event.preventDefault(); });
  var resolveReady, rejectReady;
  var ready = new Promise(function (resolve, reject) { resolveReady = resolve; rejectReady = reject; });

  function fail(message) {
    status.textContent = message;
    status.className = 'error';
    status.style.display = 'flex';
    rejectReady(new Error(message));
  }

  if (!document.createElement('canvas').getContext('webgl2')) {
    fail('Deze browser ondersteunt geen WebGL2; STO Planner kan hier niet starten. ' +
         '(This browser does not support WebGL2; STO Planner cannot start here.)');
  }

  function call(name, returnType, argTypes, args) {
    return window.Module.ccall(name, returnType, argTypes || [], args || []);
  }

  window.Module = {
    canvas: canvas,
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    onStoReady: function () {
      status.style.display = 'none';
      canvas.focus();
      resolveReady();
    },
    onAbort: function (reason) {
      fail('STO Planner is gestopt door een interne fout. (STO Planner stopped: ' + reason + ')');
    },
  };

  window.stoplan = {
    ready: ready,
    planJson: function () { return call('sto_api_plan_json', 'string'); },
    loadPlanJson: function (text) {
      return JSON.parse(call('sto_api_load_plan_json', 'string', ['string'], [String(text)]));
    },
    summaryJson: function () { return JSON.parse(call('sto_api_summary_json', 'string')); },
    itemRect: function (label) {
      return JSON.parse(call('sto_api_item_rect', 'string', ['string'], [String(label)]));
    },
    frameCount: function () { return call('sto_api_frame_count', 'number'); },
    requestFrames: function () { call('sto_api_request_frames', null); },
  };
})();
