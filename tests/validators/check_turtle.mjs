// Parses a Turtle(-star) file with N3.js; exits 1 on a syntax error. Prints the triple count.
import { readFileSync } from 'node:fs';
import { Parser } from 'n3';
const text = readFileSync(process.argv[2], 'utf8');
try {
  const quads = new Parser({ format: 'text/turtle' }).parse(text);
  console.log(`turtle: ${quads.length} triples`);
} catch (e) {
  console.error(`turtle: ${e.message}`);
  process.exit(1);
}
