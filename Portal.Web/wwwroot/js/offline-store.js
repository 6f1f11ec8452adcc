// What this phone keeps for learning without signal, shared by the pages and the service worker:
// kept modules (pages in a cache per learner), the queue of things done offline, and the server's
// answers waiting to be shown. Everything is filed under the learner's key, so on a shared phone
// one person's kept modules and answers are never shown to, or sent as, another.
(function (scope) {
  'use strict';

  var DB_NAME = 'portal-offline';
  var CACHE_PREFIX = 'portal-kept-';

  function request(r) {
    return new Promise(function (resolve, reject) {
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }

  function open() {
    var r = indexedDB.open(DB_NAME, 1);
    r.onupgradeneeded = function () {
      var db = r.result;
      db.createObjectStore('meta');
      db.createObjectStore('queue', { keyPath: 'key' });
      db.createObjectStore('kept', { keyPath: ['learner', 'slug'] });
      db.createObjectStore('answers', { keyPath: 'key' });
    };
    return request(r);
  }

  // One store, one transaction; resolves once it has committed.
  function withStore(name, mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(name, mode);
        var result;
        Promise.resolve(work(tx.objectStore(name))).then(function (value) { result = value; }, reject);
        tx.oncomplete = function () { db.close(); resolve(result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
        tx.onabort = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function getMeta(name) { return withStore('meta', 'readonly', function (s) { return request(s.get(name)); }); }
  function setMeta(name, value) { return withStore('meta', 'readwrite', function (s) { return request(s.put(value, name)); }); }

  function all(name, learner) {
    return withStore(name, 'readonly', function (s) { return request(s.getAll()); })
      .then(function (rows) { return rows.filter(function (row) { return row.learner === learner; }); });
  }

  function cacheName(learner) { return CACHE_PREFIX + learner; }

  function uuid() {
    if (self.crypto && self.crypto.randomUUID) return self.crypto.randomUUID();
    var b = self.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  var store = {
    getMeta: getMeta,
    setMeta: setMeta,
    cacheName: cacheName,

    learner: function () { return getMeta('learner').then(function (l) { return l || ''; }); },

    kept: function (learner) { return all('kept', learner); },

    queued: function (learner) {
      return all('queue', learner).then(function (rows) { return rows.sort(function (a, b) { return a.seq - b.seq; }); });
    },

    enqueue: function (item) {
      item.key = uuid();
      item.seq = Date.now() + Math.random();
      return withStore('queue', 'readwrite', function (s) { return request(s.put(item)); });
    },

    // Keeps a module's pages in the learner's cache, replacing any older copy, and notes its size.
    keep: function (learner, manifestUrl) {
      return fetch(manifestUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) {
          if (!response.ok) throw new Error('The module could not be fetched (' + response.status + ').');
          return response.json();
        })
        .then(function (module) {
          return caches.open(cacheName(learner)).then(function (cache) {
            var bytes = 0;
            return module.pages.reduce(function (previous, page) {
              return previous.then(function () {
                return fetch(page.from, { credentials: 'same-origin' }).then(function (response) {
                  if (!response.ok || response.redirected) throw new Error('A page of the module could not be fetched.');
                  return response.clone().blob().then(function (body) {
                    bytes += body.size;
                    return cache.put(page.url, response);
                  });
                });
              });
            }, Promise.resolve()).then(function () {
              var record = {
                learner: learner, slug: module.slug, title: module.title, version: module.version,
                pages: module.pages.map(function (p) { return p.url; }),
                lessons: module.lessons, quiz: module.quiz, waiting: module.waiting,
                bytes: bytes, keptAt: new Date().toISOString()
              };
              return withStore('kept', 'readwrite', function (s) { return request(s.put(record)); }).then(function () { return record; });
            });
          });
        });
    },

    remove: function (learner, slug) {
      return withStore('kept', 'readonly', function (s) { return request(s.get([learner, slug])); }).then(function (record) {
        if (!record) return;
        return caches.open(cacheName(learner))
          .then(function (cache) { return Promise.all(record.pages.map(function (url) { return cache.delete(url); })); })
          .then(function () { return withStore('kept', 'readwrite', function (s) { return request(s.delete([learner, slug])); }); });
      });
    },

    // The kept module a page belongs to, for the current learner only.
    keptPage: function (pathname) {
      return store.learner().then(function (learner) {
        if (!learner) return null;
        return store.kept(learner).then(function (records) {
          for (var i = 0; i < records.length; i++) {
            if (records[i].pages.indexOf(pathname) >= 0) return { learner: learner, record: records[i] };
          }
          return null;
        });
      });
    },

    // Sends the learner's queue; keeps what could not be sent. Resolves to how many are still waiting.
    send: function () {
      return Promise.all([store.learner(), getMeta('token'), getMeta('syncUrl')]).then(function (values) {
        var learner = values[0], token = values[1], url = values[2];
        if (!learner || !token || !url) return store.queued(learner).then(function (q) { return q.length; });
        return store.queued(learner).then(function (queue) {
          if (queue.length === 0) return 0;
          var batch = queue.slice(0, 100);
          var body = JSON.stringify({
            items: batch.map(function (i) {
              return { key: i.key, kind: i.kind, module: i.module, version: i.version, lesson: i.lesson || 0, at: i.at, answers: i.answers || null };
            })
          });
          return fetch(url, {
            method: 'POST', credentials: 'same-origin', redirect: 'manual',
            headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token },
            body: body
          }).then(function (response) {
            if (response.status === 400) {
              // A batch the server cannot read will never be read: tell the learner, do not resend forever.
              return store.settle(learner, batch, batch.map(function (i) {
                return { key: i.key, outcome: 'refused', message: 'Something done offline could not be sent, and was not recorded.' };
              }));
            }
            if (!response.ok) return queue.length;
            return response.json().then(function (result) { return store.settle(learner, batch, result.answers); })
              .then(function () { return store.queued(learner).then(function (q) { return q.length; }); });
          });
        });
      });
    },

    // Drops answered items from the queue and keeps the answers worth telling the learner.
    settle: function (learner, batch, answers) {
      var byKey = {};
      batch.forEach(function (i) { byKey[i.key] = i; });
      var fresh = [];
      // Only answers to items still queued: another send (a second tab, the worker) that settled
      // them first has already kept its answers to show.
      return withStore('queue', 'readwrite', function (s) {
        return Promise.all(answers.map(function (a) {
          return request(s.get(a.key)).then(function (found) {
            if (!found) return null;
            fresh.push(a);
            return request(s.delete(a.key));
          });
        }));
      }).then(function () {
        var shown = fresh.filter(function (a) { return byKey[a.key] && (byKey[a.key].kind === 'quiz' || a.outcome !== 'recorded'); });
        return withStore('answers', 'readwrite', function (s) {
          return Promise.all(shown.map(function (a) {
            return request(s.put({ key: a.key, learner: learner, outcome: a.outcome, message: a.message, certificate: a.certificate || null }));
          }));
        });
      });
    },

    takeAnswers: function (learner) {
      return all('answers', learner).then(function (rows) {
        return withStore('answers', 'readwrite', function (s) {
          return Promise.all(rows.map(function (r) { return request(s.delete(r.key)); }));
        }).then(function () { return rows; });
      });
    },

    // Everything this phone holds for a learner: kept pages, the queue, answers, settings.
    forget: function (learner) {
      return caches.delete(cacheName(learner))
        .then(function () { return all('kept', learner); })
        .then(function (kept) { return withStore('kept', 'readwrite', function (s) { return Promise.all(kept.map(function (k) { return request(s.delete([k.learner, k.slug])); })); }); })
        .then(function () { return all('queue', learner); })
        .then(function (queue) { return withStore('queue', 'readwrite', function (s) { return Promise.all(queue.map(function (q) { return request(s.delete(q.key)); })); }); })
        .then(function () { return all('answers', learner); })
        .then(function (answers) { return withStore('answers', 'readwrite', function (s) { return Promise.all(answers.map(function (a) { return request(s.delete(a.key)); })); }); })
        .then(function () { return setMeta('autoKeep:' + learner, false); });
    },

    // Every learner's kept caches but this one's: on a shared phone, the last person's go.
    forgetOthers: function (learner) {
      return caches.keys().then(function (keys) {
        var others = keys.filter(function (k) { return k.indexOf(CACHE_PREFIX) === 0 && k !== cacheName(learner); })
          .map(function (k) { return k.slice(CACHE_PREFIX.length); });
        return others.reduce(function (p, other) { return p.then(function () { return store.forget(other); }); }, Promise.resolve());
      });
    }
  };

  scope.PortalOffline = store;
})(self);
