// The floor of the load benchmark: the overview's content as a plain HTML page
// (no script, no wasm), with the app's own stylesheet. A browser cannot show
// the overview faster than it shows this page from the same server, so the app's
// first-render time is reported as a multiple of it.
//
// Content: the areas table and the pillars table as the app renders them on a
// first visit (nothing assessed yet: scores "—"), and every objective of the
// plan with its areas, weights and indicator levels — more than the overview
// shows, so the floor is not flattered.

const escape = (s) =>
  String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function scoreTable(id, first, rows) {
  const head = `<thead><tr><th scope="col">${first}</th><th scope="col" class="num">Punteggio</th>` +
    '<th scope="col" class="num">% del target</th><th scope="col" class="num">Peso valutato</th>' +
    '<th scope="col"><span class="visually-hidden">Grafico</span></th></tr></thead>';
  const body = rows
    .map(
      ([key, label]) =>
        `<tr data-key="${escape(key)}"><th scope="row">${label}</th><td class="num score">—</td>` +
        '<td class="num">—</td><td class="num">0 / 100</td><td></td></tr>',
    )
    .join('');
  return `<table class="scores" id="${id}">${head}<tbody>${body}</tbody></table>`;
}

function levelText(level) {
  const value = level?.value == null ? '' : `${escape(level.value)}: `;
  return `${value}${escape(level?.description)}`;
}

/** The static page for `snapshot` (the parsed plan file), linking `cssHref`. */
export function staticOverviewHtml(snapshot, cssHref) {
  const plan = snapshot.plan;
  const areas = scoreTable(
    'area-scores',
    'Area',
    plan.areas.map((a) => [a.code, `<a href="/area/${escape(a.code)}">${escape(a.code)}</a> ${escape(a.name)}`]),
  );
  const pillars = scoreTable('pillar-scores', 'Pilastro', plan.pillars.map((p) => [p.id, escape(p.name)]));
  const objectives = plan.objectives
    .map((o) => {
      const weights = o.assignments.map((a) => `${escape(a.area)} ${escape(a.weight)}%`).join(', ');
      const indicators = o.indicators
        .map(
          (i) =>
            `<li>${escape(i.description ?? i.id)}<ul><li>Soglia — ${levelText(i.threshold)}</li>` +
            `<li>Target — ${levelText(i.target)}</li><li>Eccellenza — ${levelText(i.excellence)}</li></ul></li>`,
        )
        .join('');
      return `<article><h3>${escape(o.title)}</h3><p>${escape(o.purpose)}</p><p>${weights}</p><ul>${indicators}</ul></article>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Cruscotto — pagina statica di riferimento</title>
<link rel="stylesheet" href="${escape(cssHref)}" />
</head>
<body>
<header class="app-header"><div class="brand"><a href="/" class="brand-name">Cruscotto</a></div></header>
<main>
<h1>${escape(plan.title)}</h1>
<p class="lead">Punteggi delle aree · ${escape(plan.year)}</p>
<section><h2>Aree</h2>${areas}</section>
<section><h2>Pilastri</h2>${pillars}</section>
<section><h2>Obiettivi</h2>
${objectives}
</section>
</main>
</body>
</html>
`;
}
