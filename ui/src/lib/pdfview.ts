// Draws a PDF's pages onto <canvas> elements with pdf.js, bundled with the app
// (no network). The worker script is a bundled asset too.
import { GlobalWorkerOptions, getDocument } from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";

GlobalWorkerOptions.workerSrc = workerUrl;

/** Renders every page of `bytes` into `host` (its old pages are replaced) and
 *  returns the page count. `stale()` lets a newer preview abandon this one. */
export async function renderPdfPages(
  bytes: Uint8Array,
  host: HTMLElement,
  label: (page: number) => string,
  stale: () => boolean,
  scale = 1.25,
): Promise<number> {
  // pdf.js hands the buffer to its worker: give it a copy, the caller keeps the bytes.
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
  try {
    const canvases: HTMLCanvasElement[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (stale()) return 0;
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      const canvas = document.createElement("canvas");
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      canvas.className = "pdf-page";
      canvas.dataset.page = String(n);
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", label(n));
      await page.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      }).promise;
      canvases.push(canvas);
    }
    if (stale()) return 0;
    host.replaceChildren(...canvases);
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}
