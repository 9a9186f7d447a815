// JUnit XML for team CI: one <testsuite> per exercise and dialect, one <testcase> per check.
import type { GradeReport } from './results.ts';

export function toJUnit(report: GradeReport): string {
  const suites = report.exercises.flatMap((e) =>
    e.dialects.map((d) => {
      const failures = d.tests.filter((t) => t.status === 'fail' || t.status === 'timeout').length;
      const cases = d.tests.map((t) => {
        const open = `    <testcase classname="${attr(`${e.id}.${d.dialect}`)}" name="${attr(t.name)}" time="${seconds(t.durationMs)}"`;
        if (t.status === 'pass') return `${open}/>`;
        if (t.status === 'skipped') return `${open}>\n      <skipped/>\n    </testcase>`;
        const body = [t.message ?? '', t.sql ? `\nSQL that ran:\n${t.sql}` : ''].join('');
        return `${open}>\n      <failure message="${attr(firstLine(t.message))}" type="${t.status}">${text(body)}</failure>\n    </testcase>`;
      });
      // A file that could not load has no checks: report it as one failing case.
      if (d.tests.length === 0) {
        cases.push(
          `    <testcase classname="${attr(`${e.id}.${d.dialect}`)}" name="load ${attr(e.path)}" time="0">\n` +
            `      <error message="${attr(firstLine(d.message))}" type="${d.status}">${text(d.message ?? '')}</error>\n    </testcase>`,
        );
      }
      const errors = d.tests.length === 0 && d.status !== 'pass' ? 1 : 0;
      return (
        `  <testsuite name="${attr(`${e.id} (${d.dialect})`)}" tests="${Math.max(d.tests.length, errors)}" failures="${failures}" ` +
        `errors="${errors}" skipped="${d.tests.filter((t) => t.status === 'skipped').length}" time="${seconds(d.durationMs)}" ` +
        `timestamp="${report.startedAt}">\n    <properties><property name="vendor" value="${attr(d.vendor)}"/></properties>\n${cases.join('\n')}\n  </testsuite>`
      );
    }),
  );
  const total = report.exercises.reduce((n, e) => n + e.dialects.reduce((m, d) => m + Math.max(d.tests.length, 1), 0), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="workbook grade" tests="${total}" time="${seconds(report.durationMs)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);
const firstLine = (s: string | null) => (s ?? '').split('\n')[0] ?? '';
// XML 1.0 forbids most control characters even when escaped.
// eslint-disable-next-line no-control-regex
const strip = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
const text = (s: string) => strip(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (s: string) => text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
