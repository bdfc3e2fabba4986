import fs from 'node:fs';
const schema = JSON.parse(fs.readFileSync(process.env.SCHEMA ?? 'schema.json', 'utf8')).provider_schemas['registry.terraform.io/hashicorp/aws'].resource_schemas;
const types = fs.readFileSync(new URL('types.txt', import.meta.url), 'utf8').split('\n').filter(Boolean);
const computed = JSON.parse(fs.readFileSync('computed-blocks.json', 'utf8'));
function tree(block, depth = 0) {
  const out = {};
  const oc = Object.entries(block.attributes ?? {}).filter(([, a]) => a.optional && a.computed).map(([k]) => k).sort();
  if (oc.length && true) out['@optionalComputed'] = oc;
  for (const [k, b] of Object.entries(block.block_types ?? {}).sort()) if (k !== "timeouts") out[k] = depth >= 3 ? { "@deep": true } : tree(b.block, depth + 1);
  return out;
}
const out = {};
for (const t of types) if (schema[t]) { out[t] = tree(schema[t].block); if (computed[t]?.length) out[t]['@computedBlocks'] = computed[t]; }
const doc = { provider: 'registry.terraform.io/hashicorp/aws 5.100.0', types: out };
const s = JSON.stringify(doc);
console.log(s.length, Object.keys(out).length);
fs.writeFileSync(new URL('../provider-schema.json', import.meta.url), s);
