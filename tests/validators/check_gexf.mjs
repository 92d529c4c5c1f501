// Reads a GEXF file with graphology (the graph library of sigma.js and
// Gephi Lite), as a web application would: every node and edge of the file
// loads, node attributes to size and colour by are numbers, and edges keep
// their relation type. Usage: node check_gexf.mjs FILE.gexf; exits 1 on failure.
import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import gexf from 'graphology-gexf';

const file = process.argv[2];
const fail = (m) => { console.error(`gexf: ${m}`); process.exit(1); };
const xml = readFileSync(file, 'utf8');
let graph;
try {
  graph = gexf.parse(Graph, xml, { allowUndeclaredAttributes: false });
} catch (e) {
  fail(`graphology cannot read ${file}: ${e.message}`);
}
const nodes = (xml.match(/<node /g) || []).length, edges = (xml.match(/<edge /g) || []).length;
if (graph.order !== nodes) fail(`${graph.order} nodes read, the file has ${nodes}`);
if (graph.size !== edges) fail(`${graph.size} edges read, the file has ${edges}`);
graph.forEachNode((key, a) => {
  if (typeof a.documents !== 'number' || typeof a.relations !== 'number')
    fail(`node ${key}: documents/relations are not numbers (${typeof a.documents}, ${typeof a.relations})`);
  if (!a.label || !a.type) fail(`node ${key} has no label or type`);
});
graph.forEachEdge((key, a) => { if (!a.relation && !a.label) fail(`edge ${key} has no relation`); });
console.log(`gexf: graphology read ${graph.order} nodes and ${graph.size} edges of ${file}`);
