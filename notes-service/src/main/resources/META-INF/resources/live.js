// Tells the reader that new papers arrived (server-sent events), without reloading on its own.
(function () {
  if (!window.EventSource) { return; }
  var banner = document.getElementById('live');
  var source = new EventSource('/live');
  source.addEventListener('paper', function (e) {
    var data = JSON.parse(e.data);
    banner.textContent = 'New: ' + data.priority + ' for ' + data.team + ': ' + data.title + ' (reload to see it)';
    banner.hidden = false;
  });
})();
