// markwatch portal keyboard: j/k move through the queue, c/d/e open confirm/dismiss/escalate for the
// current listing (focus its note; Enter submits), o opens its evidence (or the listing), x selects it for a bulk decision.
// Served from 'self' only; the CSP allows no inline script.
(function () {
  'use strict';
  function rows() { return Array.prototype.slice.call(document.querySelectorAll('tr.item')); }
  function current() { return document.querySelector('tr.item.current'); }
  function move(step) {
    var all = rows();
    if (all.length === 0) { return; }
    var i = all.indexOf(current());
    var next = all[Math.max(0, Math.min(all.length - 1, i < 0 ? 0 : i + step))];
    all.forEach(function (r) { r.classList.remove('current'); });
    next.classList.add('current');
    next.scrollIntoView({block: 'nearest'});
  }
  function decide(decision) {
    var form = document.querySelector('.review-panel form.decide[data-decision="' + decision + '"]');
    if (!form) { return; }
    var row = current();
    if (row) {
      // on the queue the forms are shared: they act on the current row
      form.querySelector('input[name="listingId"]').value = row.getAttribute('data-listing');
    }
    if (!form.querySelector('input[name="listingId"]').value) { return; }
    // The note field takes the focus: type a note (or not) and Enter records the decision with the
    // reason chosen (the first for that decision unless changed).
    var note = form.querySelector('input[name="note"]');
    if (note) { note.focus(); } else { form.submit(); }
  }
  function openEvidence() {
    var link = document.getElementById('evidence-link') || document.getElementById('screenshot-link');
    var row = current();
    if (row) { link = row.querySelector('a.open'); }
    if (link) { window.location.href = link.getAttribute('href'); }
  }
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) {
      if (e.key === 'Escape') { t.blur(); }
      return;
    }
    switch (e.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'c': decide('confirmed'); break;
      case 'd': decide('dismissed'); break;
      case 'e': decide('escalated'); break;
      case 'o': case 'Enter': openEvidence(); break;
      case 'x':
        var box = current() && current().querySelector('input[type="checkbox"]');
        if (box) { box.checked = !box.checked; }
        break;
      default: return;
    }
    e.preventDefault();
  });
  document.addEventListener('DOMContentLoaded', function () { move(0); });
})();
