// The cover sheet's print button (no inline handler: the page's Content-Security-Policy).
document.getElementById('print').addEventListener('click', () => window.print());
