/* Desk: register an application. Same body and rules as POST /api/requests; errors beside their fields;
   the draft is kept in this browser (localStorage) until the case is registered. */
(function () {
  'use strict';
  var DRAFT = 'disclosure-desk.register-draft';
  var form = document.getElementById('register-form');
  var summary = document.getElementById('form-errors');
  var lateField = document.getElementById('late-reason-field');
  var receivedOn = document.getElementById('receivedOn');
  var today = form.getAttribute('data-today');
  var csrfToken = meta('_csrf'), csrfHeader = meta('_csrf_header');

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }

  function newKey() {
    return 'desk-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10);
  }

  function loadDraft() {
    try { return JSON.parse(localStorage.getItem(DRAFT)) || null; } catch (e) { return null; }
  }

  var draft = loadDraft() || { key: newKey(), values: {} };

  function saveDraft() {
    draft.values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name) { draft.values[el.name] = el.value; }
    });
    try {
      localStorage.setItem(DRAFT, JSON.stringify(draft));
      document.getElementById('draft-state').textContent = '草稿已保存在本机 ' + new Date().toLocaleTimeString('zh-CN');
    } catch (e) { /* private mode: nothing kept */ }
  }

  function restoreDraft() {
    var restored = false;
    Object.keys(draft.values || {}).forEach(function (name) {
      var el = form.elements[name];
      if (el && draft.values[name] !== '' && draft.values[name] != null) {
        el.value = draft.values[name];
        restored = true;
      }
    });
    if (restored) {
      document.getElementById('draft-state').textContent = '已恢复未登记的草稿';
    }
  }

  /** The reason field shows when the receipt date lies more than 3 days back (the server counts working days). */
  function toggleLateReason(force) {
    var v = receivedOn.value;
    var old = v && today && (Date.parse(today) - Date.parse(v)) > 3 * 86400000;
    lateField.hidden = !(old || force || document.getElementById('lateRegistrationReason').value);
  }

  function clearErrors() {
    summary.hidden = true;
    form.querySelectorAll('.field.invalid').forEach(function (f) {
      f.classList.remove('invalid');
      f.querySelector('.field-error').textContent = '';
      var input = f.querySelector('input,select,textarea');
      if (input) { input.removeAttribute('aria-invalid'); }
    });
  }

  function fieldFor(path) {
    var f = form.querySelector('.field[data-field="' + path + '"]');
    if (!f && path.indexOf('applicant') === 0) { f = form.querySelector('.field[data-field="applicant.name"]'); }
    return f;
  }

  function showErrors(errors) {
    clearErrors();
    var first = null, loose = [];
    errors.forEach(function (e) {
      if (e.field === 'lateRegistrationReason') { toggleLateReason(true); }
      var f = fieldFor(e.field || '');
      if (!f) { loose.push(e.message); return; }
      f.classList.add('invalid');
      var box = f.querySelector('.field-error');
      box.textContent = box.textContent ? box.textContent + '；' + e.message : e.message;
      var input = f.querySelector('input,select,textarea');
      if (input) { input.setAttribute('aria-invalid', 'true'); }
      if (!first || (f.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING)) { first = f; }
    });
    summary.textContent = '请更正标红的内容。' + (loose.length ? loose.join('；') : '');
    summary.hidden = false;
    var target = first || summary;
    target.scrollIntoView({ block: 'center' });
    var input = first && first.querySelector('input,select,textarea');
    if (input) { input.focus({ preventScroll: true }); }
  }

  function value(name) {
    var el = form.elements[name];
    var v = el ? el.value.trim() : '';
    return v === '' ? null : v;
  }

  function body() {
    return {
      channel: value('channel'),
      receivedOn: value('receivedOn'),
      lateRegistrationReason: lateField.hidden ? null : value('lateRegistrationReason'),
      applicant: {
        type: value('applicant.type'), name: value('applicant.name'), idType: value('applicant.idType'),
        idNumber: value('applicant.idNumber'), phone: value('applicant.phone'), email: value('applicant.email'),
        address: value('applicant.address'), contactPerson: value('applicant.contactPerson')
      },
      description: value('description'), purpose: value('purpose'), format: value('format'),
      delivery: value('delivery'), department: value('department')
    };
  }

  function registered(r) {
    try { localStorage.removeItem(DRAFT); } catch (e) { /* ignore */ }
    form.hidden = true;
    summary.hidden = true;
    var done = document.getElementById('registered');
    document.getElementById('registered-case-number').textContent = r.caseNumber;
    document.getElementById('registered-due-on').textContent = r.dueOn || '—';
    document.getElementById('registered-received-on').textContent = '收到申请日期 ' + r.receivedOn
      + (r.dueOn && today && r.dueOn < today ? '。补登的申请答复期限已过，已提交督办，请尽快办理' : '');
    document.getElementById('registered-case-link').href = r.caseUrl;
    document.getElementById('receipt-pdf').href = r.receiptUrl + '?format=pdf';
    document.getElementById('receipt-frame').src = r.receiptUrl;
    done.hidden = false;
    done.scrollIntoView({ block: 'start' });
  }

  form.addEventListener('input', function () { saveDraft(); toggleLateReason(false); });
  form.addEventListener('change', function () { saveDraft(); toggleLateReason(false); });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = document.getElementById('register-button');
    button.disabled = true;
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json', 'Idempotency-Key': draft.key };
    if (csrfToken) { headers[csrfHeader] = csrfToken; }
    fetch(form.getAttribute('action') || (document.baseURI.replace(/\/desk\/.*$/, '') + '/desk/register'), {
      method: 'POST', headers: headers, body: JSON.stringify(body()), credentials: 'same-origin'
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (response.ok) { registered(json); return; }
        showErrors(json.errors && json.errors.length ? json.errors
          : [{ field: '', message: '登记失败（' + response.status + '），请稍后重试' }]);
      });
    }).catch(function () {
      showErrors([{ field: '', message: '网络异常，未能登记；草稿仍保留，请稍后重试' }]);
    }).finally(function () { button.disabled = false; });
  });
  document.getElementById('clear-draft').addEventListener('click', function () {
    if (!window.confirm('清空已填写的内容？')) { return; }
    try { localStorage.removeItem(DRAFT); } catch (e) { /* ignore */ }
    window.location.reload();
  });
  document.getElementById('print-receipt').addEventListener('click', function () {
    document.getElementById('receipt-frame').contentWindow.print();
  });
  document.getElementById('register-next').addEventListener('click', function () {
    window.location.reload();
  });

  restoreDraft();
  toggleLateReason(false);
})();
