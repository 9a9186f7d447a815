// orm-workbook site: theme switch and search over window.WORKBOOK_SEARCH (search-index.js).
(function () {
  'use strict';
  var root = document.body.getAttribute('data-root') || '';

  var toggle = document.getElementById('theme-toggle');
  if (toggle) {
    toggle.addEventListener('click', function () {
      var next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset.theme = next;
      try { localStorage.setItem('workbook-theme', next); } catch (e) { /* file:// may refuse storage */ }
    });
  }

  var input = document.getElementById('search');
  var list = document.getElementById('search-results');
  var pages = window.WORKBOOK_SEARCH || [];
  if (!input || !list) return;

  function escape(text) {
    return text.replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; });
  }

  function snippet(text, word) {
    var at = text.toLowerCase().indexOf(word);
    if (at < 0) return escape(text.slice(0, 120));
    var start = Math.max(0, at - 50);
    var piece = (start > 0 ? '…' : '') + text.slice(start, at + word.length + 70) + '…';
    var re = new RegExp('(' + word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ')', 'ig');
    return escape(piece).replace(re, '<mark>$1</mark>');
  }

  function search(query) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    var hits = [];
    pages.forEach(function (page) {
      var title = page.t.toLowerCase(), heads = page.h.toLowerCase(), text = page.x.toLowerCase();
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        var w = words[i];
        var inTitle = title.indexOf(w) >= 0, inHeads = heads.indexOf(w) >= 0, count = text.split(w).length - 1;
        if (!inTitle && !inHeads && !count) return;
        score += (inTitle ? 10 : 0) + (inHeads ? 4 : 0) + Math.min(count, 5);
      }
      hits.push({ page: page, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    return hits.slice(0, 10).map(function (h) { return { page: h.page, snippet: snippet(h.page.x, words[0]) }; });
  }

  var active = -1;
  function render() {
    var results = search(input.value);
    active = -1;
    if (!input.value.trim()) { list.hidden = true; list.innerHTML = ''; return; }
    list.innerHTML = results.length
      ? results.map(function (r) {
          return '<li><a href="' + escape(root + r.page.u) + '">' + escape(r.page.t) + '<span class="kind">' + r.page.k +
            '</span><span class="snippet">' + r.snippet + '</span></a></li>';
        }).join('')
      : '<li class="no-results">No page mentions that.</li>';
    list.hidden = false;
  }

  function move(step) {
    var links = list.querySelectorAll('a');
    if (!links.length) return;
    if (active >= 0) links[active].classList.remove('active');
    active = (active + step + links.length) % links.length;
    links[active].classList.add('active');
    links[active].scrollIntoView({ block: 'nearest' });
  }

  input.addEventListener('input', render);
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') { move(1); event.preventDefault(); }
    else if (event.key === 'ArrowUp') { move(-1); event.preventDefault(); }
    else if (event.key === 'Escape') { input.value = ''; render(); }
    else if (event.key === 'Enter') {
      var links = list.querySelectorAll('a');
      var target = links[active >= 0 ? active : 0];
      if (target) window.location.href = target.getAttribute('href');
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === '/' && document.activeElement !== input) { input.focus(); event.preventDefault(); }
  });
  document.addEventListener('click', function (event) {
    if (!list.contains(event.target) && event.target !== input) list.hidden = true;
  });
})();
