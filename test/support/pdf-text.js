// Reads a PDF's text with pdf-parse in a plain Node process (pdf.js loads its worker with a dynamic
// import, which the jest VM does not allow): node pdf-text.js <file> → JSON { text, total } on stdout.
const { readFileSync } = require('node:fs');
const { PDFParse } = require('pdf-parse');

(async () => {
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(process.argv[2])) });
  const r = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ text: r.text, total: r.total }));
})().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
