import { onBeforeUnmount, watchEffect, type Ref } from 'vue';
import type { PaperSize } from '../../../core/bridge/host-files';

/** A CSS string literal: quotes and backslashes escaped, line breaks dropped. */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;

/**
 * The printed page: its paper, margins, and on every page a footer with
 * `footer` on the left and "Page x of y" on the right (CSS page-margin boxes,
 * which Chromium prints the same from printToPDF, Playwright's page.pdf and
 * the print dialog). Added as a constructed style sheet: the content policy
 * refuses inline <style> elements, and the footer text is only known here.
 */
export function usePrintPage(paper: Ref<PaperSize>, footer: Ref<string>): void {
  const sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  watchEffect(() => {
    const size = paper.value === 'a4' ? 'A4' : 'letter';
    sheet.replaceSync(`@page {
      size: ${size};
      margin: 14mm 14mm 18mm;
      @bottom-left { content: ${cssString(footer.value)}; font: 8pt sans-serif; color: #333; }
      @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #333; }
    }`);
  });
  onBeforeUnmount(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  });
}
