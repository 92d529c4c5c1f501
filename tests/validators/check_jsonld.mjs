// JSON-LD through jsonld.js (safe mode: fails on anything it would drop) and
// into Oxigraph, then a SPARQL query for who met whom.
// Usage: node check_jsonld.mjs FILE.jsonld [NAME_A NAME_B]  (expects NAME_A metWith NAME_B when given)
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import oxigraph from 'oxigraph';

const [file, a, b] = process.argv.slice(2);
const fail = (m) => { console.error(`jsonld: ${m}`); process.exit(1); };
const text = readFileSync(file, 'utf8');
const doc = JSON.parse(text);
jsonld.documentLoader = async (url) => { throw new Error(`remote context requested: ${url}`); };
let nquads;
try {
  nquads = await jsonld.toRDF(doc, { format: 'application/n-quads', safe: true });
} catch (e) {
  fail(`jsonld.js: ${e.message}`);
}
const store = new oxigraph.Store();
try {
  store.load(text, { format: 'application/ld+json' });
} catch (e) {
  fail(`oxigraph: ${e.message}`);
}
const rows = store.query(`
  PREFIX ir: <urn:irgraph:ontology#>
  PREFIX schema: <https://schema.org/>
  SELECT ?a ?b WHERE { ?x ir:metWith ?y . ?x schema:name ?a . ?y schema:name ?b }`);
const pairs = rows.map((r) => [r.get('a').value, r.get('b').value]);
if (a && b && !pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a)))
  fail(`SPARQL: no "${a} metWith ${b}" among ${JSON.stringify(pairs)}`);
console.log(`jsonld: ${nquads.split('\n').filter(Boolean).length} quads (jsonld.js), ${store.size} in Oxigraph, ${pairs.length} metWith pairs by SPARQL`);
