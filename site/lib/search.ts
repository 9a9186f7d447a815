// The client-side search index: every page's title, headings and text, written as a script
// (not JSON) so it loads from file:// where fetch() is refused.

export interface SearchEntry {
  /** Title. */
  t: string;
  /** Output path, relative to the site's root. */
  u: string;
  /** 'lesson' | 'exercise' | 'page'. */
  k: string;
  /** Headings, joined. */
  h: string;
  /** Plain text of the page. */
  x: string;
}

export function plainText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export function searchIndexScript(entries: SearchEntry[]): string {
  // `</` cannot end the script early when the text mentions it.
  return `window.WORKBOOK_SEARCH = ${JSON.stringify(entries).replace(/<\//g, '<\\/')};\n`;
}
