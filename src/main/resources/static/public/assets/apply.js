// The online application form: shows the contact-person field to organisations, and computes the
// form's small proof of work (SHA-256 of "token:n" with the required leading zero bits) before submitting.
(function () {
  'use strict';
  var form = document.getElementById('apply-form');
  if (!form) { return; }
  var type = document.getElementById('applicant-type');
  var contact = document.getElementById('contact-person-field');
  function toggle() {
    var organisation = type.value && type.value !== 'NATURAL_PERSON';
    contact.hidden = !organisation && !document.getElementById('applicant-contactPerson').value;
  }
  type.addEventListener('change', toggle);
  toggle();

  function zeroBits(bytes) {
    var n = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { n += 8; continue; }
      return n + Math.clz32(bytes[i]) - 24;
    }
    return n;
  }

  async function solve(token, bits) {
    var encoder = new TextEncoder();
    for (var n = 0; ; n++) {
      var hash = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(token + ':' + n)));
      if (zeroBits(hash) >= bits) { return n; }
    }
  }

  var proof = document.getElementById('proof');
  var status = document.getElementById('pow-status');
  var solving = solve(form.dataset.challenge, parseInt(form.dataset.bits, 10)).then(function (n) {
    proof.value = String(n);
    return n;
  });
  form.addEventListener('submit', function (event) {
    if (proof.value) { return; }
    event.preventDefault();
    status.textContent = '正在进行页面校验，请稍候…';
    solving.then(function () {
      status.textContent = '';
      form.submit();
    });
  });
})();
