// Draws the case's route with bpmn-js (viewer from the webjar) and marks the current activities.
(function () {
  var container = document.getElementById('diagram');
  if (!container || typeof BpmnJS === 'undefined') {
    return;
  }
  var active = (container.getAttribute('data-active') || '').split(',').filter(function (id) { return id; });
  var viewer = new BpmnJS({ container: container });
  fetch(container.getAttribute('data-xml-url'), { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.text();
    })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      var canvas = viewer.get('canvas');
      canvas.zoom('fit-viewport');
      active.forEach(function (id) { canvas.addMarker(id, 'dd-current'); });
      container.setAttribute('data-rendered', 'true');
    })
    .catch(function (e) {
      container.setAttribute('data-rendered', 'error');
      container.textContent = '流程图无法显示：' + e.message;
    });
})();
