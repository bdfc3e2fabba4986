import fs from 'node:fs';
const schema = JSON.parse(fs.readFileSync(process.env.SCHEMA ?? 'schema.json', 'utf8')).provider_schemas['registry.terraform.io/hashicorp/aws'].resource_schemas;
const plan = JSON.parse(fs.readFileSync('plan.json', 'utf8'));
const out = {};
function walk(block, unk, prefix, acc) {
  for (const [k, b] of Object.entries(block.block_types ?? {})) {
    const u = unk?.[k];
    const p = prefix ? `${prefix}.${k}` : k;
    if (u === true) acc.push(p);
    else if (Array.isArray(u)) for (const x of u) walk(b.block, x, p, acc);
    else if (u && typeof u === 'object') walk(b.block, u, p, acc);
  }
}
for (const rc of plan.resource_changes) {
  const acc = [];
  walk(schema[rc.type].block, rc.change.after_unknown, '', acc);
  out[rc.type] = [...new Set(acc)].sort();
}
fs.writeFileSync('computed-blocks.json', JSON.stringify(out, null, 1));
for (const [t, v] of Object.entries(out)) if (v.length) console.log(t, v.join(' '));
console.log(Object.keys(out).length);
