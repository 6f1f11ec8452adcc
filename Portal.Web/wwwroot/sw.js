// The portal's service worker. It keeps the app shell (styles, scripts, icons) and, only when a
// learner asks, the pages of the modules they keep. Every other page goes to the network as if there
// were no worker: nothing of a recruiter's, manager's, navigator's or admin's, no profile, no other
// person's data is ever stored. Change VERSION with every change to this file or the shell list:
// the new worker takes over at once and deletes the old shell cache (kept modules stay).
'use strict';

importScripts('/js/offline-store.js');

var VERSION = '2026-12-06.3';
var SHELL = 'portal-shell-' + VERSION;
var SHELL_FILES = [
  '/css/site.css',
  '/lib/bootstrap/dist/css/bootstrap.min.css',
  '/js/offline-store.js',
  '/js/offline.js',
  '/icons/icon-192.png',
  '/manifest.webmanifest'
];
// The site's own policy, for the one page this worker writes itself.
var POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
// How long a kept page waits for the network before the copy on the phone is shown instead.
var PATIENCE_MS = 6000;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_FILES); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('portal-shell-') === 0 && k !== SHELL; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('sync', function (event) {
  if (event.tag === 'portal-send') event.waitUntil(PortalOffline.send());
});

self.addEventListener('message', function (event) {
  if (event.data === 'send') event.waitUntil(PortalOffline.send());
});

function isShell(url) {
  return /^\/(css|js|lib|icons)\//.test(url.pathname) || url.pathname === '/manifest.webmanifest' || url.pathname === '/favicon.ico';
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'GET' && isShell(url)) {
    event.respondWith(shell(request));
    return;
  }
  // A lesson's image: the copy kept with its module if there is one (the address names the version), else the network.
  if (request.method === 'GET' && url.pathname.indexOf('/media/') === 0) {
    event.respondWith(caches.match(url.pathname + url.search).then(function (kept) { return kept || fetch(request); }));
    return;
  }
  // Anything else that is not a page (the sync call, downloads) goes to the network untouched.
  if (request.mode !== 'navigate') return;
  event.respondWith(page(request, url));
});

// Styles and scripts carry a version in their address, so a copy is good until the address changes.
function shell(request) {
  return caches.open(SHELL).then(function (cache) {
    return cache.match(request).then(function (hit) {
      if (hit) return hit;
      return fetch(request).then(function (response) {
        if (response.ok) cache.put(request, response.clone());
        return response;
      }, function () {
        return cache.match(request, { ignoreSearch: true }).then(function (any) { return any || Response.error(); });
      });
    });
  });
}

function page(request, url) {
  return PortalOffline.keptPage(url.pathname).then(function (kept) {
    if (request.method !== 'GET') {
      if (!kept) return fetch(request);
      var copy = request.clone();
      return fetch(request).catch(function () { return copy.formData().then(function (form) { return queueForm(kept, url.pathname, form); }); });
    }
    if (!kept) return fetch(request).catch(keptElsewhere);
    return patiently(fetch(request)).catch(function () {
      return caches.open(PortalOffline.cacheName(kept.learner))
        .then(function (cache) { return cache.match(url.pathname); })
        .then(function (copy) { return copy || offlinePage(); });
    });
  });
}

function patiently(promise) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error('slow')); }, PATIENCE_MS);
    promise.then(function (r) { clearTimeout(timer); resolve(r); }, function (e) { clearTimeout(timer); reject(e); });
  });
}

// A form sent from a kept page with no signal: "next lesson" or the quiz. It is queued to send
// later, and the learner carries on to the next kept page as if it had gone through.
function queueForm(kept, pathname, form) {
  var record = kept.record;
  var lesson = record.lessons.indexOf(pathname);
  var at = new Date().toISOString();
  var item, next;
  if (lesson >= 0) {
    item = { learner: kept.learner, kind: 'lesson', module: record.slug, version: form.get('version') || record.version, lesson: lesson + 1, at: at };
    next = lesson + 1 < record.lessons.length ? record.lessons[lesson + 1] : record.quiz;
  } else if (pathname === record.quiz) {
    var answers = {};
    form.forEach(function (value, name) {
      if (name.indexOf('answer.') !== 0 || !value) return;
      var question = name.slice('answer.'.length);
      (answers[question] = answers[question] || []).push(String(value));
    });
    item = { learner: kept.learner, kind: 'quiz', module: record.slug, version: form.get('Input.Version') || record.version, lesson: 0, at: at, answers: answers, title: record.title };
    next = record.waiting;
  } else if (pathname === record.pages[0]) {
    // "Start" or "Continue" on the kept module page: the lessons are here, so open the first.
    return Response.redirect(record.lessons[0], 303);
  } else {
    return offlinePage();
  }
  return PortalOffline.enqueue(item).then(function () {
    if (self.registration.sync) self.registration.sync.register('portal-send').catch(function () { });
    return Response.redirect(next, 303);
  });
}

// A page that needs a signal, asked for with none: the way to what the learner kept instead.
function keptElsewhere() {
  return PortalOffline.learner()
    .then(function (learner) { return learner ? PortalOffline.kept(learner) : []; })
    .then(offlinePage, function () { return offlinePage([]); });
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
}

function offlinePage(kept) {
  var list = (kept || []).map(function (k) { return '<li><a href="' + escape(k.pages[0]) + '">' + escape(k.title) + '</a></li>'; }).join('');
  var html = '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>You are offline - Health and Care Portal</title><link rel="stylesheet" href="/lib/bootstrap/dist/css/bootstrap.min.css"><link rel="stylesheet" href="/css/site.css"></head>' +
    '<body><main class="container site-main"><h1>You are offline</h1><p>This page is not kept on this phone, so it needs a signal.</p>' +
    (list ? '<h2 class="h4">Kept on this phone</h2><p>These open with no signal:</p><ul>' + list + '</ul>' : '<p>Nothing is kept on this phone.</p>') +
    '<p>Anything you do offline is sent when you are back online.</p></main></body></html>';
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': POLICY, 'Cache-Control': 'no-store' } });
}
