/**
 * Stands in for jsPDF's optional add-ons (html2canvas, DOMPurify, canvg, and core-js through
 * canvg): vite.config.ts resolves those imports here. jsPDF loads them only for `doc.html()` and
 * SVG input, which the reports never use, so the real libraries (about 380 KB) would only be
 * built and precached for nothing. Should a later change call those features, loading this
 * module fails with a message that says why, instead of something half working.
 */
throw new Error(
  'jsPDF’s optional add-ons (html2canvas, DOMPurify, canvg) are left out of this app: ' +
    'doc.html() and SVG images are unavailable. Remove the stub alias in vite.config.ts to use them.'
);

export {};
