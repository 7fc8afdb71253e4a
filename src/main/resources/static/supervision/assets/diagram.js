// Draws the case's route with the bpmn-js NavigatedViewer (webjar bundle: drag to pan, Ctrl + wheel to
// zoom), marks the current activities and opens at a readable scale (1:1) on the current region (the
// current steps, their neighbours and labels), never cut at the frame's edge. The toolbar
// zooms in and out, returns to the current step, or fits the whole route into the frame.
(function () {
  var container = document.getElementById('diagram');
  if (!container || typeof BpmnJS === 'undefined') {
    return;
  }
  var READABLE = 1.0;          // the scale the route opens at: labels as drawn by bpmn-js (about 12 px)
  var STEP = 1.25;             // one press of 放大 / 缩小
  var MIN = 0.2, MAX = 4;
  var active = (container.getAttribute('data-active') || '').split(',').filter(function (id) { return id; });
  var viewer = new BpmnJS({ container: container });
  var canvas;

  function state() {
    var zoom = canvas.zoom();
    container.setAttribute('data-zoom', zoom.toFixed(3));
  }

  function extend(box, e) {
    if (!e || e.waypoints || e.hidden || e.width === undefined) { return box; }
    var b = { x1: e.x, y1: e.y, x2: e.x + e.width, y2: e.y + e.height };
    if (e.label && !e.label.hidden) {
      b = { x1: Math.min(b.x1, e.label.x), y1: Math.min(b.y1, e.label.y),
        x2: Math.max(b.x2, e.label.x + e.label.width), y2: Math.max(b.y2, e.label.y + e.label.height) };
    }
    return box ? { x1: Math.min(box.x1, b.x1), y1: Math.min(box.y1, b.y1),
      x2: Math.max(box.x2, b.x2), y2: Math.max(box.y2, b.y2) } : b;
  }

  // The current region: the current activities with their boundary events, the steps just before and
  // just after them, and the labels of all these (absolute diagram coordinates); null when none is drawn.
  function currentBounds() {
    var registry = viewer.get('elementRegistry');
    var box = null;
    active.forEach(function (id) {
      var e = registry.get(id);
      if (!e || e.waypoints) { return; }
      box = extend(box, e);
      (e.attachers || []).forEach(function (b) { box = extend(box, b); });
      (e.incoming || []).forEach(function (c) { box = extend(box, c.source); });
      (e.outgoing || []).forEach(function (c) { box = extend(box, c.target); });
    });
    return box;
  }

  // Shows the whole current region at the readable scale (smaller only if it would not fit), kept
  // inside the drawing so that nothing of the region is cut at an edge of the frame.
  function focusCurrent() {
    var box = currentBounds();
    if (!box) {
      fit();
      return;
    }
    var vb = canvas.viewbox();
    var outer = vb.outer, inner = vb.inner;
    var margin = 30;
    var scale = Math.min(READABLE, outer.width / (box.x2 - box.x1 + 2 * margin),
      outer.height / (box.y2 - box.y1 + 2 * margin));
    var w = outer.width / scale, h = outer.height / scale;
    var x = (box.x1 + box.x2) / 2 - w / 2, y = (box.y1 + box.y2) / 2 - h / 2;
    // clamp to the drawing (with a margin) where the drawing is larger than the frame
    var minX = inner.x - margin, maxX = inner.x + inner.width + margin - w;
    var minY = inner.y - margin, maxY = inner.y + inner.height + margin - h;
    if (maxX >= minX) { x = Math.max(minX, Math.min(maxX, x)); }
    if (maxY >= minY) { y = Math.max(minY, Math.min(maxY, y)); }
    // the region itself always stays inside the frame
    x = Math.min(x, box.x1 - margin);
    y = Math.min(y, box.y1 - margin);
    x = Math.max(x, box.x2 + margin - w);
    y = Math.max(y, box.y2 + margin - h);
    canvas.viewbox({ x: x, y: y, width: w, height: h });
    state();
  }

  function fit() {
    canvas.zoom('fit-viewport', 'auto');
    state();
  }

  function zoomBy(factor) {
    var outer = canvas.viewbox().outer;
    var zoom = Math.max(MIN, Math.min(MAX, canvas.zoom() * factor));
    canvas.zoom(zoom, { x: outer.width / 2, y: outer.height / 2 });
    state();
  }

  function bind(id, action) {
    var button = document.getElementById(id);
    if (button) {
      button.addEventListener('click', function (e) { e.preventDefault(); action(); });
      button.disabled = false;
    }
  }

  fetch(container.getAttribute('data-xml-url'), { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.text();
    })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      canvas = viewer.get('canvas');
      active.forEach(function (id) {
        if (viewer.get('elementRegistry').get(id)) { canvas.addMarker(id, 'dd-current'); }
      });
      focusCurrent();
      viewer.on('canvas.viewbox.changed', state);
      bind('diagram-zoom-in', function () { zoomBy(STEP); });
      bind('diagram-zoom-out', function () { zoomBy(1 / STEP); });
      bind('diagram-current', focusCurrent);
      bind('diagram-fit', fit);
      window.addEventListener('resize', function () { canvas.resized(); state(); });
      container.setAttribute('data-rendered', 'true');
    })
    .catch(function (e) {
      container.setAttribute('data-rendered', 'error');
      container.textContent = '流程图无法显示：' + e.message;
    });
})();
