import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../scripts/lib/ajv.ts';
import { schemas } from '../../scripts/lib/schemas.ts';
import { runOfm } from '../helpers/cli.ts';
import { completeSubmission, OPERATOR_YAML, repoRoot, submission, testProject } from '../helpers/project.ts';

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const evidence = '  evidence: [{ title: TLS, url: "https://demo.example.org/docs/1.2/tls/" }]';

async function projectWith(features: string) {
  const project = await testProject();
  await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
  await project.write('submissions/postgres/demo/1.2.0.yaml', completeSubmission(features));
  return project;
}

describe('ofm validate', () => {
  it('exits 0 and says so when everything is valid', async () => {
    const project = await projectWith(`tlssp:\n  value: true\n${evidence}`);
    const run = await runOfm(['validate'], project.root);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('✔ 3 files checked, no problems.\n');
  });

  it('exits 0 with warnings only', async () => {
    const project = await projectWith(`tlssp:\n  value: true\n${evidence}`);
    await project.write('submissions/postgres/demo/1.3.0.yaml', completeSubmission(`tlssp:\n  value: true\n${evidence.replace('1.2', '1.3')}`, { version: '"1.3.0"' }).replace(/^# yaml.*\n/, ''));
    const run = await runOfm(['validate'], project.root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('warning  schema-comment');
  });

  it('exits 1 on errors, with file:line:col, the rule, the message, a hint and a code frame', async () => {
    const project = await projectWith('tlsp:\n  value: true');
    const run = await runOfm(['validate', 'submissions'], project.root);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('submissions/postgres/demo/1.2.0.yaml:7:3  error  unknown-feature  "tlsp" is not a feature of postgres@1.0.0.');
    expect(lines[1]).toBe('  hint: Did you mean "tlssp" (TLS Support)?');
    expect(lines).toContain('    > 7 |   tlsp:');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 1 error and 0 warnings in 2 files checked.');
  });

  it('prints JSON that matches schema/findings.schema.json', async () => {
    const project = await projectWith('tlsp:\n  value: true');
    const run = await runOfm(['validate', '--format', 'json'], project.root);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(createAjv().validate(schemas.findings.$id, report)).toBe(true);
    expect(report).toEqual({
      $schema: 'https://operator-feature-matrix.github.io/ofm/schema/v1/findings.schema.json',
      tool: `ofm ${packageVersion}`,
      findings: [
        {
          file: 'submissions/postgres/demo/1.2.0.yaml',
          line: 7,
          column: 3,
          rule: 'unknown-feature',
          severity: 'error',
          message: '"tlsp" is not a feature of postgres@1.0.0.',
          hint: 'Did you mean "tlssp" (TLS Support)?',
        },
      ],
      summary: { files: 3, errors: 1, warnings: 0 },
    });
  });

  it('prints GitHub workflow annotations', async () => {
    const project = await projectWith('tlsp:\n  value: true');
    const run = await runOfm(['validate', '--format=github', 'submissions/postgres/demo/1.2.0.yaml'], project.root);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe(
      '::error file=submissions/postgres/demo/1.2.0.yaml,line=7,col=3,title=ofm unknown-feature::"tlsp" is not a feature of postgres@1.0.0.%0AHint: Did you mean "tlssp" (TLS Support)?',
    );
  });

  it('validates only the paths given, from a subfolder too', async () => {
    const project = await projectWith('tlsp:\n  value: true');
    const run = await runOfm(['validate', 'catalogue.yaml'], `${project.root}/features/postgres`);
    expect(run).toMatchObject({ code: 0, stdout: '✔ 1 file checked, no problems.\n' });
  });

  it.each([
    [['validate', 'no/such/file.yaml'], 'ofm: No such file or folder: no/such/file.yaml'],
    [['validate', '--format', 'xml'], 'ofm: Unknown format "xml"; use text, json, github, sarif.'],
    [['validate', '--fromat', 'json'], 'ofm: Unknown option --fromat for `ofm validate`. Did you mean --format?'],
    [['vaildate'], 'ofm: Unknown command "vaildate". Did you mean "validate"?'],
    [['help', 'evidense'], 'ofm: There is no command "evidense". Did you mean "evidence"?'],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const project = await testProject();
    const run = await runOfm(args, project.root);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints help and its version; without a command, help on standard error and exit 2', async () => {
    const project = await testProject();
    expect((await runOfm(['--help'], project.root)).stdout).toMatch(/^ {2}validate {4}Check catalogues, operator metadata and submissions/m);
    expect(await runOfm([], project.root)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('Usage: ofm <command> [options]') });
    expect((await runOfm(['--version'], project.root)).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('describes every option of a command with its default, and gives examples', async () => {
    const project = await testProject();
    const help = await runOfm(['help', 'evidence'], project.root);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe((await runOfm(['evidence', '--help'], project.root)).stdout);
    expect(help.stdout).toMatch(/^ {2}--cache-ttl <hours> +How long a cached result is used\. Default: 24\.$/m);
    expect(help.stdout).toMatch(/^ {2}--docs-source <operator-id>=<path> +Offline: /m);
    expect(help.stdout).toContain('Examples:\n  ofm evidence submissions/postgres/example-operator');
  });

  it('answers a usage error with a JSON finding when JSON was asked for', async () => {
    const run = await runOfm(['validate', '--format', 'json', '--bogus'], (await testProject()).root);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(createAjv().validate(schemas.findings.$id, report)).toBe(true);
    expect(report.findings).toEqual([{ file: '(command line)', line: 1, column: 1, rule: 'usage', severity: 'error', message: 'Unknown option --bogus for `ofm validate`.', hint: 'Run `ofm help validate` for its options.' }]);
  });

  it('colours text output only on request or on a colour terminal', async () => {
    const project = await projectWith('tlsp:\n  value: true');
    expect((await runOfm(['validate'], project.root)).stdout).not.toContain('\u001b[');
    expect((await runOfm(['validate', '--color'], project.root)).stdout).toContain('\u001b[31merror');
    const forced = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [join(repoRoot, 'scripts/ofm.js'), 'validate'], { cwd: project.root, env: { ...process.env, FORCE_COLOR: '1', NO_COLOR: '' } });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('close', () => resolve(out));
    });
    expect(forced).toContain('\u001b[31merror');
    expect((await runOfm(['validate', '--color', '--no-color'], project.root)).stdout).not.toContain('\u001b[');
  });

  it('prints SARIF 2.1.0 for code-review tools', async () => {
    const project = await projectWith('tlsp:\n  value: true');
    const run = await runOfm(['validate', '--format', 'sarif'], project.root);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(log).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'ofm', version: packageVersion, rules: [{ id: 'unknown-feature', shortDescription: { text: expect.any(String) } }] } } }] });
    expect(log.runs[0].results).toEqual([
      {
        ruleId: 'unknown-feature',
        ruleIndex: 0,
        level: 'error',
        message: { text: '"tlsp" is not a feature of postgres@1.0.0.\nHint: Did you mean "tlssp" (TLS Support)?' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'submissions/postgres/demo/1.2.0.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 3 } } }],
      },
    ]);
  });

  it.runIf(existsSync('/usr/bin/node'))('starts under an older system Node.js by handing over to the Node.js 24 that npm installed', async () => {
    const project = await testProject();
    const run = await runOfm(['validate'], project.root, { node: '/usr/bin/node' });
    expect(run).toMatchObject({ code: 0, stdout: '✔ 1 file checked, no problems.\n' });
  });

  it('judges a file by the project it sits in, wherever it is run from', async () => {
    const project = await projectWith('tlsp:\n  value: true');
    const path = join(project.root, 'submissions/postgres/demo/1.2.0.yaml');
    const inside = await runOfm(['validate', '--format', 'json', path], project.root);
    const outside = await runOfm(['validate', '--format', 'json', path], tmpdir());
    expect(inside.code).toBe(1);
    expect(JSON.parse(outside.stdout)).toEqual(JSON.parse(inside.stdout));
    expect(JSON.parse(outside.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(['unknown-feature']);
  });
});

