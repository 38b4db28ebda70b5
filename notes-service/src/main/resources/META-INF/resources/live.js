// Tells the reader that new papers arrived (server-sent events), without reloading on its own.
(function () {
  if (!window.EventSource) { return; }
  var banner = document.getElementById('live');
  var source = new EventSource('/live');
  // Marks the page as listening, so that a reader (and the browser test) can tell live updates are on.
  source.onopen = function () { document.body.dataset.live = 'on'; };
  source.addEventListener('paper', function (e) {
    var data = JSON.parse(e.data);
    banner.textContent = 'New: ' + data.priority + ' for ' + data.team + ': ' + data.title + ' (reload to see it)';
    banner.hidden = false;
  });
})();
