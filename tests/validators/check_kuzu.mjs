// Loads a Neo4j export folder (its neo4j-admin CSV files) into Kuzu, an embedded
// Cypher database, as a user of another property-graph store would, and asks it
// questions: every file loads, every node and relationship of the files, every evidence item
// reaches its document, and the shortest connection between two entities has
// the length `irgraph path` gave.
// Usage: node check_kuzu.mjs NEO4J_DIR [FROM_NAME TO_NAME HOPS]; exits 1 on any failure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import kuzu from 'kuzu';

const [dir, fromName, toName, hops] = process.argv.slice(2);
const fail = (m) => { console.error(`kuzu: ${m}`); process.exit(1); };
const db = new kuzu.Database(':memory:');
const conn = new kuzu.Connection(db);
const q = async (s) => (await conn.query(s)).getAll();

// neo4j-admin header fields -> Kuzu columns: arrays ("a;b") stay strings, dates are dates
const kuzuType = (t) => (t === 'int' ? 'INT64' : t === 'date' ? 'DATE' : 'STRING');
const columns = (file) => readFileSync(join(dir, file), 'utf8').split('\n', 1)[0].split(',');
const lines = (file) => readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l).length - 1;
const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
const entityFiles = files.filter((f) => f.startsWith('nodes_') && !['nodes_Document.csv', 'nodes_Evidence.csv'].includes(f));
const relFiles = files.filter((f) => f.startsWith('relationships_'));
const propertyColumns = (header, skip) =>
  header.slice(skip).map((h, i) => {
    const [name, type] = h.split(':');
    return `${name ? name.replace(/[^A-Za-z]/g, '') : `c${i}`}_ ${kuzuType(type)}`;
  });
const copy = async (table, file) => q(`COPY ${table} FROM '${join(dir, file)}' (HEADER=true, PARALLEL=false)`);

const nodeTable = async (table, file) => {
  const header = columns(file);
  const cols = [`id STRING`, ...propertyColumns(header, 1)];
  await q(`CREATE NODE TABLE ${table}(${cols.join(', ')}, PRIMARY KEY(id))`);
};
try {
  if (!entityFiles.length) fail(`no entity node files in ${dir}`);
  await nodeTable('Entity', entityFiles[0]);
  for (const f of entityFiles) await copy('Entity', f);
  await nodeTable('Document', 'nodes_Document.csv');
  await copy('Document', 'nodes_Document.csv');
  await nodeTable('Evidence', 'nodes_Evidence.csv');
  await copy('Evidence', 'nodes_Evidence.csv');
  const relationTypes = [];
  for (const f of relFiles) {
    const type = f.slice('relationships_'.length, -'.csv'.length);
    const header = columns(f);
    const ends = type === 'MENTIONS' ? 'FROM Document TO Entity' : type === 'SUPPORTED_BY' ? 'FROM Evidence TO Document' : 'FROM Entity TO Entity';
    await q(`CREATE REL TABLE ${type}(${[ends, ...propertyColumns(header, 2)].join(', ')})`);
    await copy(type, f);
    const [{ n: edges }] = await q(`MATCH ()-[r:${type}]->() RETURN count(r) AS n`);
    if (Number(edges) !== lines(f)) fail(`${edges} ${type} relationships loaded, ${f} holds ${lines(f)}`);
    if (!['MENTIONS', 'SUPPORTED_BY'].includes(type)) relationTypes.push(type);
  }
  // the counts Kuzu holds are the files' rows
  const entities = entityFiles.reduce((n, f) => n + lines(f), 0);
  const [{ n: loaded }] = await q('MATCH (n:Entity) RETURN count(n) AS n');
  if (Number(loaded) !== entities) fail(`${loaded} entities loaded, the files hold ${entities}`);
  const evidence = lines('nodes_Evidence.csv');
  const [{ n: supported }] = await q('MATCH (e:Evidence)-[:SUPPORTED_BY]->(d:Document) RETURN count(e) AS n');
  if (Number(supported) !== evidence) fail(`${supported} of ${evidence} evidence items reach their document`);
  let said = `${entities} entities, ${evidence} evidence items, ${relFiles.length} relationship files`;
  if (fromName) {
    const name = (s) => s.replace(/'/g, "\\'");
    const rows = await q(
      `MATCH p = (a:Entity)-[:${relationTypes.join('|')}* SHORTEST 1..30]-(b:Entity) ` +
        `WHERE a.name_ = '${name(fromName)}' AND b.name_ = '${name(toName)}' RETURN length(p) AS hops`);
    if (!rows.length) fail(`no connection between ${fromName} and ${toName}`);
    if (Number(rows[0].hops) !== Number(hops)) fail(`shortest connection ${rows[0].hops} hops, irgraph path said ${hops}`);
    said += `; ${fromName} to ${toName}: ${hops} hops, as irgraph path`;
  }
  console.log(`kuzu: ${said}`);
} catch (e) {
  fail(e.message);
}
