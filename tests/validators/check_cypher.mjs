// Lints a Cypher script with Neo4j's language support; exits 1 on any error.
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';
const text = readFileSync(process.argv[2], 'utf8');
const result = lintCypherQuery(text, {});
const diagnostics = Array.isArray(result) ? result : result.diagnostics;
const errors = diagnostics.filter((d) => d.severity === 1);
for (const e of errors) console.error(`cypher: ${e.message} at ${JSON.stringify(e.range?.start ?? e.offsets ?? '')}`);
console.log(`cypher: ${text.split(';').length - 1} statements, ${errors.length} errors`);
process.exit(errors.length ? 1 : 0);
