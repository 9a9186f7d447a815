// What runs shows on a page: under a runnable block, one panel per dialect (the SQL it was
// sent, what it showed, the error it raised); and the dialect lab's matrix.
import type { DialectName } from '../../engine/db/url.ts';
import { probes } from '../../engine/dialects/index.ts';
import type { DialectOutcomes, DialectState, ProbeColumn } from './dialect-runs.ts';
import { DIALECT_LABELS } from './dialect-runs.ts';
import { escapeHtml, highlight } from './highlight.ts';
import { codeBlock } from './markdown.ts';
import type { BlockOutcome } from './runnable.ts';

function unreachable(state: DialectState): string {
  return state.reachable ? '' : `not reachable at build time: ${state.reason}`;
}

/** Two dialects agree when they showed the same values and raised the same kind of error. */
// MySQL quotes names with backticks where the others use double quotes: a block that shows
// compiled SQL is not flagged for that alone, only when the SQL or the values really differ.
function signature(outcome: BlockOutcome): string {
  // Every kind of quote (also JSON-escaped ones) becomes one mark, on every side alike, so
  // a string '3' still differs from a number 3.
  const shown = outcome.shown.map((value) => value.replace(/\\"|"|`/g, '`'));
  return JSON.stringify({ shown, error: outcome.error?.split(':')[0] ?? null });
}

export function outcomesDiffer(outcomes: BlockOutcome[]): boolean {
  return new Set(outcomes.map(signature)).size > 1;
}

export function renderRunnable(code: string, index: number, columns: DialectOutcomes[], line: number): string {
  const ran = columns.flatMap((c) => (c.outcomes[index] ? [c.outcomes[index]!] : []));
  const differs = ran.length > 1 && outcomesDiffer(ran);
  const panels = columns.map((c) => panel(c.state, c.vendor, c.outcomes[index])).join('\n');
  const flag = differs
    ? '<p class="differs-flag" role="note">⚠ The dialects disagree: this block’s result differs across databases.</p>'
    : '';
  return (
    `<figure class="runnable" data-line="${line}"${differs ? ' data-differs="true"' : ''}>\n${codeBlock(code, 'ts', 'ts run')}` +
    `${flag}<div class="dialect-panels">\n${panels}\n</div></figure>\n`
  );
}

function panel(state: DialectState, vendor: string | undefined, outcome: BlockOutcome | undefined): string {
  const head = `<h4 class="panel-title">${escapeHtml(vendor ?? DIALECT_LABELS[state.dialect])}</h4>`;
  if (!state.reachable || !outcome) {
    return `<section class="dialect-panel" data-dialect="${state.dialect}" data-status="unreachable">${head}<p class="unreachable">${escapeHtml(unreachable(state) || 'did not run')}</p></section>`;
  }
  const statements = outcome.queries.length
    ? `<ol class="statements">${outcome.queries
        .map((q) => {
          const params = q.params ? ` <span class="params" title="bound parameters">${escapeHtml(q.params)}</span>` : '';
          const error = q.error ? ` <span class="statement-error">✗</span>` : '';
          return `<li class="statement kind-${q.kind}"><code>${highlight(q.sql, 'sql')}</code>${params}${error}</li>`;
        })
        .join('')}</ol>`
    : '<p class="no-statements">No statements.</p>';
  const shown = outcome.shown.map((s) => `<pre class="shown">${escapeHtml(s)}</pre>`).join('');
  const error = outcome.error ? `<pre class="raised">${escapeHtml(outcome.error)}</pre>` : '';
  const status = outcome.error ? 'error' : 'ok';
  return `<section class="dialect-panel" data-dialect="${state.dialect}" data-status="${status}">${head}${statements}${shown}${error}</section>`;
}

function probeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ');
  }
  return JSON.stringify(value);
}

/** The dialect lab's probes × dialects; each cell the measured value and the server it came from. */
export function renderMatrix(columns: ProbeColumn[], builtAt: Date): string {
  const head = columns
    .map((c) => `<th scope="col" data-dialect="${c.state.dialect}">${DIALECT_LABELS[c.state.dialect as DialectName]}</th>`)
    .join('');
  const rows = probes.map((probe) => {
    const values: string[] = [];
    const cells = columns.map((c) => {
      if (!c.run) {
        const why = c.error ? `probes failed: ${c.error}` : unreachable(c.state);
        return `<td class="cell unreachable" data-dialect="${c.state.dialect}">${escapeHtml(why)}</td>`;
      }
      const result = c.run.results.find((r) => r.name === probe.name);
      const text = result?.error ? `error: ${result.error}` : probeValue(result?.value);
      values.push(text);
      return `<td class="cell" data-dialect="${c.state.dialect}"><code>${escapeHtml(text)}</code><span class="cell-vendor">${escapeHtml(c.run.vendor)}</span></td>`;
    });
    const differs = new Set(values).size > 1;
    return (
      `<tr id="probe-${probe.name}"${differs ? ' class="differs"' : ''}><th scope="row"><span class="probe-name">${probe.name}</span>` +
      `<span class="probe-question">${escapeHtml(probe.question)}</span><code class="probe-sql">${escapeHtml(probe.sql)}</code></th>${cells.join('')}</tr>`
    );
  });
  return (
    `<div class="matrix-wrap"><table class="dialect-matrix"><caption>Measured by the dialect lab (engine/dialects/probes.ts) on ` +
    `${escapeHtml(builtAt.toISOString().slice(0, 16).replace('T', ' '))} UTC. Rows where the databases disagree are marked.</caption>` +
    `<thead><tr><th scope="col">Probe</th>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table></div>\n`
  );
}
