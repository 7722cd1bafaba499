// pdf.js (pdfjs-dist under node) as one of the five readers of
// tests/external/readers.py: for each PDF given, each page's text as
// getTextContent gives it (items joined, a line break where pdf.js marks
// the end of a line) and, with IMAGE_DIR, each page rendered in grey at
// DPI to IMAGE_DIR/<name>-<page>.png (page from 1). One process for all
// files. Prints {"file": ["page 1 text", ...], ...} as JSON.
//
// node readers.mjs IMAGE_DIR DPI FILE...   (IMAGE_DIR "-" for text only)
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const [imageDir, dpiArg, ...files] = process.argv.slice(2);
const scale = Number(dpiArg) / 72;
const out = {};
for (const file of files) {
  const doc = await getDocument({
    data: new Uint8Array(readFileSync(file)),
    verbosity: 0,
    isEvalSupported: false,
  }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((i) => i.str + (i.hasEOL ? "\n" : "")).join(""));
    if (imageDir !== "-") {
      const viewport = page.getViewport({ scale });
      const { canvas, context } = doc.canvasFactory.create(
        Math.ceil(viewport.width),
        Math.ceil(viewport.height),
      );
      context.fillStyle = "#fff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas, canvasContext: context, viewport }).promise;
      const name = basename(file, ".pdf");
      writeFileSync(`${imageDir}/${name}-${n}.png`, canvas.toBuffer("image/png"));
    }
    page.cleanup();
  }
  out[file] = pages;
  await doc.destroy();
}
process.stdout.write(JSON.stringify(out));
