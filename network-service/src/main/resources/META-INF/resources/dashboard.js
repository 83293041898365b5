// The dashboard page (index.html): observed network indicators of one product, from GET /metrics/observed.
(function () {
  'use strict';
  var SERIES = [
    { field: 'modularity', label: 'Modularity', colour: '#1f77b4' },
    { field: 'exportHHI', label: 'Export HHI', colour: '#d62728' },
    { field: 'communities', label: 'Communities', colour: '#2ca02c' }
  ];
  var W = 360, H = 200, PAD = 36;
  var SVG = 'http://www.w3.org/2000/svg';

  function el(name, attrs, text) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function fmt(v) {
    if (v === null || v === undefined) { return '–'; }
    return Number.isInteger(v) ? String(v) : v.toFixed(3);
  }

  /** One SVG line chart of one indicator over the years (missing values leave a gap). */
  function lineChart(points, spec) {
    var box = document.createElement('div');
    box.className = 'chart';
    var title = document.createElement('h3');
    title.textContent = spec.label;
    box.appendChild(title);
    var svg = el('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, 'data-field': spec.field });
    var known = points.filter(function (p) { return p.value !== null && p.value !== undefined; });
    var years = points.map(function (p) { return p.year; });
    var minYear = Math.min.apply(null, years), maxYear = Math.max.apply(null, years);
    var values = known.map(function (p) { return p.value; });
    var lo = Math.min.apply(null, values.concat([0])), hi = Math.max.apply(null, values.concat([0]));
    if (hi === lo) { hi = lo + 1; }
    function x(year) { return maxYear === minYear ? W / 2 : PAD + (year - minYear) * (W - 2 * PAD) / (maxYear - minYear); }
    function y(v) { return H - PAD - (v - lo) * (H - 2 * PAD) / (hi - lo); }
    svg.appendChild(el('line', { x1: PAD, y1: H - PAD, x2: W - PAD / 2, y2: H - PAD, stroke: '#888' }));
    svg.appendChild(el('line', { x1: PAD, y1: PAD / 2, x2: PAD, y2: H - PAD, stroke: '#888' }));
    svg.appendChild(el('text', { x: 2, y: y(hi) + 4, 'font-size': 10 }, fmt(hi)));
    svg.appendChild(el('text', { x: 2, y: y(lo) + 4, 'font-size': 10 }, fmt(lo)));
    points.forEach(function (p) {
      svg.appendChild(el('text', { x: x(p.year) - 12, y: H - PAD + 14, 'font-size': 10 }, String(p.year)));
    });
    var path = '';
    var pen = false;
    points.forEach(function (p) {
      if (p.value === null || p.value === undefined) { pen = false; return; }
      path += (pen ? ' L ' : ' M ') + x(p.year).toFixed(1) + ' ' + y(p.value).toFixed(1);
      pen = true;
    });
    if (path) { svg.appendChild(el('path', { d: path.trim(), fill: 'none', stroke: spec.colour, 'stroke-width': 2 })); }
    known.forEach(function (p) {
      var dot = el('circle', { cx: x(p.year), cy: y(p.value), r: 3, fill: spec.colour });
      dot.appendChild(el('title', {}, p.year + ': ' + fmt(p.value)));
      svg.appendChild(dot);
    });
    box.appendChild(svg);
    return box;
  }

  function render(events) {
    var chart = document.getElementById('chart');
    var table = document.getElementById('table');
    var body = table.querySelector('tbody');
    chart.innerHTML = '';
    body.innerHTML = '';
    var notice = document.getElementById('notice');
    notice.hidden = true;
    if (events.length === 0) {
      table.hidden = true;
      document.getElementById('message').textContent = 'No observed metrics for this product yet.';
      return;
    }
    var withNotice = events.filter(function (e) { return e.dataNotice; })[0];
    if (withNotice) { notice.textContent = withNotice.dataNotice; notice.hidden = false; }
    SERIES.forEach(function (spec) {
      var points = events.map(function (e) {
        return { year: e.year, value: e.status === 'OK' && e.indicators ? e.indicators[spec.field] : null };
      });
      chart.appendChild(lineChart(points, spec));
    });
    events.forEach(function (e) {
      var i = e.indicators || {};
      var row = document.createElement('tr');
      [e.year, e.status, i.nodes, i.edges, i.modularity, i.communities, i.exportHHI, i.importHHI, i.density]
        .forEach(function (v) {
          var td = document.createElement('td');
          td.textContent = typeof v === 'number' ? fmt(v) : (v === undefined || v === null ? '–' : v);
          row.appendChild(td);
        });
      if (e.status !== 'OK') { row.title = e.error; }
      body.appendChild(row);
    });
    table.hidden = false;
    document.getElementById('message').textContent = 'Data-set version ' + events[0].datasetVersion
      + ', edge threshold ' + events[0].threshold + ' thousand USD.';
  }

  // The page loads without a token; the data it reads need a viewer token (README "Tokens"). It comes in
  // the URL fragment (#token=...: ./rare-earth-stack prints such a link; a real deployment's sign-in
  // redirects there), which the browser never sends to a server, and is kept for this tab only.
  var fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  if (fragment.get('token')) {
    sessionStorage.setItem('rare-earth-token', fragment.get('token'));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  var token = sessionStorage.getItem('rare-earth-token');

  function load(product) {
    document.getElementById('message').textContent = 'Loading…';
    fetch('metrics/observed?product=' + encodeURIComponent(product),
          { headers: token ? { 'Authorization': 'Bearer ' + token } : {} })
      .then(function (r) {
        if (r.status === 401 || r.status === 403) {
          throw new Error(r.status === 401
            ? 'Sign-in needed: open this page with #token=<a viewer token> (./rare-earth-stack prints the link).'
            : 'Your token has no viewer role.');
        }
        return r.json().then(function (body) {
          if (!r.ok) { throw new Error(body.error || ('HTTP ' + r.status)); }
          return body;
        });
      })
      .then(render)
      .catch(function (e) { document.getElementById('message').textContent = e.message; });
  }

  var params = new URLSearchParams(window.location.search);
  var input = document.getElementById('product');
  if (params.get('product')) { input.value = params.get('product'); }
  document.getElementById('form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    load(input.value.trim());
  });
  load(input.value.trim());
})();
