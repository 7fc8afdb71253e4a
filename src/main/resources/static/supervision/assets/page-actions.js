// Buttons and confirmations of our pages without inline handlers (the Content-Security-Policy allows
// scripts from this server only): [data-print] prints the page, form[data-confirm] asks before it is sent.
document.addEventListener('click', function (e) {
  var button = e.target.closest('[data-print]');
  if (button) {
    e.preventDefault();
    window.print();
  }
});
document.addEventListener('submit', function (e) {
  var question = e.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    e.preventDefault();
  }
}, true);
