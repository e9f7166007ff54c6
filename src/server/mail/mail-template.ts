/**
 * One layout for every mail, written twice from the same content: HTML (inline styles, no
 * images, so it reads the same with images blocked) and plain text carrying the same links.
 */

/** A linked entry of a list: a role, an article, a held comment. */
export interface MailItem {
  title: string;
  url: string;
  /** Facts under the title, one line each. */
  lines: string[];
  /** Further links under the facts (approve, spam). */
  links?: { label: string; url: string }[];
}

/** What one mail says. */
export interface MailContent {
  subject: string;
  heading: string;
  /** Paragraphs before the lists. */
  intro: string[];
  sections: { heading?: string; items: MailItem[] }[];
  /** The one thing to do (a confirmation link), shown as a button. */
  action?: { label: string; url: string };
  /** Paragraphs after the lists. */
  closing?: string[];
  /** Why the reader gets this mail, and the links to change or stop it. */
  footer: { text: string; links: { label: string; url: string }[] };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const FONT = 'font-family:-apple-system,BlinkMacSystemFont,Segoe UI,Roboto,Helvetica,Arial,sans-serif';
const LINK = 'color:#075985;text-decoration:underline';

function htmlParagraphs(paragraphs: string[], style = 'margin:0 0 16px'): string {
  return paragraphs
    .map((p) => `<p style="${style}">${escapeHtml(p).replaceAll('\n', '<br>')}</p>`)
    .join('\n');
}

function htmlOf(content: MailContent, siteName: string, siteUrl: string): string {
  const sections = content.sections
    .map((section) => {
      const items = section.items
        .map(
          (item) =>
            `<li style="margin:0 0 16px"><a href="${escapeHtml(item.url)}" style="${LINK};font-weight:700">${escapeHtml(item.title)}</a>${item.lines
              .map((line) => `<br><span style="color:#334155">${escapeHtml(line)}</span>`)
              .join('')}${(item.links ?? [])
              .map(
                (link) =>
                  `<br><a href="${escapeHtml(link.url)}" style="${LINK}">${escapeHtml(link.label)}</a>`,
              )
              .join('')}</li>`,
        )
        .join('\n');
      const heading = section.heading
        ? `<h2 style="font-size:18px;margin:24px 0 12px">${escapeHtml(section.heading)}</h2>\n`
        : '';
      return `${heading}<ul style="padding-left:20px;margin:0 0 16px">\n${items}\n</ul>`;
    })
    .join('\n');
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#0f172a;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:700">${escapeHtml(content.action.label)}</a></p>\n<p style="margin:0 0 16px;font-size:14px;color:#334155">Or open this link: <a href="${escapeHtml(content.action.url)}" style="${LINK}">${escapeHtml(content.action.url)}</a></p>`
    : '';
  const footerLinks = content.footer.links
    .map((link) => `<a href="${escapeHtml(link.url)}" style="${LINK}">${escapeHtml(link.label)}</a>`)
    .join(' · ');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#0f172a;${FONT};font-size:16px;line-height:1.5">
<div style="max-width:600px;margin:0 auto">
<p style="margin:0 0 24px;font-weight:700"><a href="${escapeHtml(siteUrl)}/" style="color:#0f172a;text-decoration:none">${escapeHtml(siteName)}</a></p>
<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>
${htmlParagraphs(content.intro)}
${sections}
${action}
${htmlParagraphs(content.closing ?? [])}
<hr style="border:none;border-top:1px solid #cbd5e1;margin:32px 0 16px">
<p style="margin:0 0 8px;font-size:13px;color:#475569">${escapeHtml(content.footer.text)}</p>
<p style="margin:0;font-size:13px;color:#475569">${footerLinks}</p>
</div>
</body>
</html>
`;
}

function textOf(content: MailContent, siteName: string): string {
  const lines: string[] = [content.heading, '='.repeat(Math.min(content.heading.length, 72)), ''];
  for (const p of content.intro) lines.push(p, '');
  for (const section of content.sections) {
    if (section.heading) lines.push(section.heading, '-'.repeat(Math.min(section.heading.length, 72)), '');
    for (const item of section.items)
      lines.push(
        `* ${item.title}`,
        ...item.lines.map((line) => `  ${line}`),
        `  ${item.url}`,
        ...(item.links ?? []).map((link) => `  ${link.label}: ${link.url}`),
        '',
      );
  }
  if (content.action) lines.push(`${content.action.label}:`, content.action.url, '');
  for (const p of content.closing ?? []) lines.push(p, '');
  lines.push(
    '--',
    siteName,
    content.footer.text,
    ...content.footer.links.map((link) => `${link.label}: ${link.url}`),
    '',
  );
  return lines.join('\n');
}

/** The HTML and plain-text bodies of a mail. */
export function renderMailBodies(
  content: MailContent,
  siteName: string,
  siteUrl: string,
): { html: string; text: string } {
  return { html: htmlOf(content, siteName, siteUrl), text: textOf(content, siteName) };
}
