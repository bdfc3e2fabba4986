/** `phikit evidence init DIR`: write evidence templates (never overwrites existing files). */
import type { Command } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evidenceTemplates } from '../evidence/templates';
import { InputError } from '../model/errors';
import { term } from '../reporters/escape';

export function registerEvidence(program: Command, setCode: (code: number) => void): void {
  const evidence = program.command('evidence').description('organizational evidence files (training, BAAs, risk assessments, incident response, restore tests)');
  evidence
    .command('init')
    .description('write commented evidence templates into a directory (existing files are kept)')
    .argument('<dir>', 'evidence directory')
    .action((dir: string) => {
      try {
        fs.mkdirSync(dir, { recursive: true });
      } catch {
        throw new InputError(`${dir}: cannot create the evidence directory`);
      }
      const today = new Date().toISOString().slice(0, 10);
      for (const [name, body] of Object.entries(evidenceTemplates(today))) {
        const p = path.join(dir, name);
        if (fs.existsSync(p)) {
          process.stdout.write(`kept     ${term(p)} (exists)\n`);
          continue;
        }
        fs.writeFileSync(p, `${JSON.stringify(body, null, 2)}\n`);
        process.stdout.write(`wrote    ${term(p)}\n`);
      }
      process.stdout.write(`Fill them in, then: phikit check <plan> --evidence ${term(dir)}\n`);
      setCode(0);
    });
}
