// Links between pages are written as links between source files (./02-querysets.md,
// ../exercises/transactions/01-atomic-transfer/README.md); the build checks each one and
// rewrites it to the page it becomes, relative, so the site opens from disk or any host.
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface LinkTable {
  root: string;
  /** Source path (lessons/01-models.md, exercises/t/n/README.md) → output path. */
  pages: Map<string, string>;
}

export interface AnchorCheck {
  where: string;
  /** Output path of the page whose heading ids must contain `anchor`. */
  output: string;
  anchor: string;
}

export type LinkResult =
  | { kind: 'external' }
  | { kind: 'page'; href: string }
  | { kind: 'source'; path: string }
  | { kind: 'broken'; message: string };

interface LinkContext {
  source: string;
  output: string;
  links: LinkTable;
  anchorChecks: AnchorCheck[];
}

/** A relative href from one output page to another. */
export function relativeHref(fromOutput: string, toOutput: string): string {
  const rel = path.posix.relative(path.posix.dirname(fromOutput), toOutput);
  return rel || path.posix.basename(toOutput);
}

export function checkLink(href: string, ctx: LinkContext, where: string): LinkResult {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return { kind: 'external' };
  if (href.startsWith('/')) {
    return { kind: 'broken', message: `${where}: the link "${href}" starts with /; write it relative to this file so the site opens from disk.` };
  }
  const [pathPart = '', anchor] = href.split('#', 2) as [string, string | undefined];
  if (pathPart === '') {
    if (anchor) ctx.anchorChecks.push({ where, output: ctx.output, anchor });
    return { kind: 'page', href };
  }
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(ctx.source), decodeURIComponent(pathPart)));
  const page = pageFor(target, ctx.links);
  if (page) {
    if (anchor) ctx.anchorChecks.push({ where, output: page, anchor });
    return { kind: 'page', href: relativeHref(ctx.output, page) + (anchor ? `#${anchor}` : '') };
  }
  if (!target.startsWith('..') && existsSync(path.join(ctx.links.root, target)) && !target.endsWith('.md')) {
    return { kind: 'source', path: target };
  }
  const known = [...ctx.links.pages.keys()].filter((p) => path.posix.dirname(p) === path.posix.dirname(target) || p.startsWith(path.posix.dirname(target)));
  const suggestion = known.length ? ` Pages nearby: ${known.slice(0, 5).join(', ')}.` : '';
  return { kind: 'broken', message: `${where}: broken link "${href}": ${target} is not a page of the site or a file of the repository.${suggestion}` };
}

function pageFor(target: string, links: LinkTable): string | undefined {
  const trimmed = target.replace(/\/$/, '');
  return links.pages.get(trimmed) ?? links.pages.get(`${trimmed}/README.md`);
}

/** The anchor checks that name no heading of their page. */
export function brokenAnchors(checks: AnchorCheck[], idsByOutput: Map<string, Set<string>>): string[] {
  return checks
    .filter((c) => !idsByOutput.get(c.output)?.has(c.anchor))
    .map((c) => `${c.where}: the link points at #${c.anchor}, but ${c.output} has no heading with that id.`);
}
