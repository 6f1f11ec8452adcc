// Learning without signal, for browsers that can: registers the service worker, says when the phone
// is offline, sends what was done offline, keeps modules on request, and clears it all at sign-out.
// Without it (or without JavaScript) every page works as before, online.
(function () {
  'use strict';

  var body = document.body;
  var banner = document.querySelector('[data-offline-banner]');

  function showOffline() { if (banner) banner.hidden = navigator.onLine; }
  window.addEventListener('online', function () { showOffline(); send(); });
  window.addEventListener('offline', showOffline);
  showOffline();

  if (!('serviceWorker' in navigator) || !('caches' in window) || !('indexedDB' in window) || !window.PortalOffline) {
    var unsupported = document.querySelector('[data-kept-unsupported]');
    if (unsupported) unsupported.hidden = false;
    return;
  }

  var store = window.PortalOffline;
  var learner = body.getAttribute('data-learner') || '';
  var signOut = document.querySelector('form[data-signout]');
  var tokenField = signOut && signOut.querySelector('input[name="__RequestVerificationToken"]');

  navigator.serviceWorker.register(body.getAttribute('data-worker'), { scope: '/' }).catch(function () { });

  var ready = store.learner().then(function (previous) {
    var steps = [store.setMeta('learner', learner)];
    if (learner) {
      steps.push(store.setMeta('syncUrl', body.getAttribute('data-sync')));
      if (tokenField) steps.push(store.setMeta('token', tokenField.value));
      // Someone else used this phone before, without signing out: their copies go.
      steps.push(store.forgetOthers(learner));
    } else if (previous) {
      steps.push(store.setMeta('token', null));
    }
    return Promise.all(steps);
  });

  function kb(bytes) { return Math.max(1, Math.round(bytes / 1024)) + ' KB'; }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function showAnswers() {
    var region = document.querySelector('[data-offline-answers]');
    if (!region || !learner) return Promise.resolve();
    return store.takeAnswers(learner).then(function (answers) {
      if (answers.length === 0) return;
      var list = el('ul');
      answers.forEach(function (a) {
        var item = el('li', a.message + ' ');
        if (a.certificate) item.appendChild(el('a', 'Your certificate', { href: a.certificate }));
        list.appendChild(item);
      });
      region.appendChild(el('h2', 'Sent from this phone', { class: 'h5' }));
      region.appendChild(list);
      region.classList.add('alert', 'alert-info');
      region.hidden = false;
    });
  }

  function send() {
    if (!learner || !navigator.onLine) return Promise.resolve();
    return ready.then(store.send).then(showAnswers).catch(function () { });
  }

  // The kept page's copy of its list, from what the phone holds.
  function showKept() {
    var frame = document.querySelector('[data-kept]');
    if (!frame || !learner) return;
    frame.hidden = false;
    var list = frame.querySelector('[data-kept-list]');
    var empty = frame.querySelector('[data-kept-empty]');
    Promise.all([store.kept(learner), store.queued(learner)]).then(function (values) {
      var kept = values[0], queued = values[1];
      list.textContent = '';
      empty.hidden = kept.length > 0;
      kept.sort(function (a, b) { return a.title.localeCompare(b.title); }).forEach(function (module) {
        var waiting = queued.filter(function (q) { return q.module === module.slug; }).length;
        var item = el('li', null, { class: 'kept-list__item' });
        item.appendChild(el('a', module.title, { href: module.pages[0] }));
        item.appendChild(el('span', ' ' + kb(module.bytes) + ', kept ' + new Date(module.keptAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long' }) +
          (waiting ? ', ' + waiting + ' waiting to send' : ''), { class: 'kept-list__size' }));
        var remove = el('button', 'Remove', { type: 'button', class: 'btn btn-link', 'aria-label': 'Remove ' + module.title + ' from this phone' });
        remove.addEventListener('click', function () { store.remove(learner, module.slug).then(showKept); });
        item.appendChild(remove);
        list.appendChild(item);
      });
    });
  }

  function saving() {
    var c = navigator.connection;
    return !!(c && (c.saveData || c.metered));
  }

  function autoKeep() {
    var box = document.querySelector('[data-auto-keep]');
    var key = 'autoKeep:' + learner;
    if (box) {
      store.getMeta(key).then(function (on) { box.checked = !!on; });
      box.addEventListener('change', function () { store.setMeta(key, box.checked).then(function () { if (box.checked) keepDue(); }); });
    }
    return store.getMeta(key).then(function (on) { if (on) return keepDue(); });
  }

  // The learner's due modules, kept when they asked for it and the phone is not saving data.
  function keepDue() {
    if (!navigator.onLine || saving()) return Promise.resolve();
    var page = body.getAttribute('data-kept-page');
    return fetch(page + '?handler=Due', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (due) {
        return store.kept(learner).then(function (kept) {
          var have = kept.map(function (k) { return k.slug; });
          return due.filter(function (slug) { return have.indexOf(slug) < 0; }).reduce(function (p, slug) {
            return p.then(function () { return store.keep(learner, page + '?handler=Module&slug=' + encodeURIComponent(slug)); });
          }, Promise.resolve());
        });
      })
      .then(showKept)
      .catch(function () { });
  }

  function keepButton() {
    var box = document.querySelector('[data-keep]');
    if (!box || !learner) return;
    var button = box.querySelector('[data-keep-button]');
    var status = box.querySelector('[data-keep-status]');
    var slug = box.getAttribute('data-keep-slug');
    box.hidden = false;
    store.kept(learner).then(function (kept) {
      var found = kept.filter(function (k) { return k.slug === slug; })[0];
      if (found) status.textContent = 'Kept on this phone (' + kb(found.bytes) + '). Keep it again to get the latest version.';
    });
    button.addEventListener('click', function () {
      button.disabled = true;
      status.textContent = 'Keeping this module on your phone…';
      ready.then(function () { return store.keep(learner, box.getAttribute('data-keep')); })
        .then(function (record) { status.textContent = 'Kept on this phone (' + kb(record.bytes) + '). You can open its lessons and answer its quiz with no signal.'; })
        .catch(function () { status.textContent = 'This module could not be kept just now. Check your signal and try again.'; })
        .then(function () { button.disabled = false; });
    });
  }

  // Sign out: send what can be sent; what cannot is lost with everything else this phone kept, so say so first.
  if (signOut && learner) {
    var leaving = false;
    signOut.addEventListener('submit', function (event) {
      if (leaving) return;
      event.preventDefault();
      ready.then(function () { return navigator.onLine ? store.send() : 0; })
        .catch(function () { return 1; })
        .then(function () { return store.queued(learner); })
        .then(function (queued) {
          if (queued.length > 0 && !window.confirm('You have ' + queued.length + ' thing(s) done offline that have not been sent. If you sign out now they will be lost. Sign out anyway?'))
            return false;
          return store.forget(learner).then(function () { return store.setMeta('learner', ''); }).then(function () { return true; });
        })
        .catch(function () { return true; })
        .then(function (go) {
          if (!go) return;
          leaving = true;
          signOut.submit();
        });
    });
  }

  keepButton();
  showKept();
  ready.then(function () {
    return send();
  }).then(function () {
    if (learner) return autoKeep();
  }).then(showKept);
})();
