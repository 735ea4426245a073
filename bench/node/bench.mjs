// Times jose (JWT verify HS256, EdDSA, ES256; compactVerify ES256), node:crypto (ES256 and
// ES256K signature only: jose 6 is WebCrypto-only and refuses ES256K), canonicalize (RFC 8785 JCS of
// the seed definition, text in and text out: `canonicalize(JSON.parse(text))`), @sphereon/pex (evaluateCredentials of the seed
// definition against 1, 100 and 10,000 credentials) and the Linked Data proof libraries
// (@digitalbazaar/vc verifyCredential, jsonld.canonize; see ldp.mjs) on the inputs `bench-inputs` wrote, then
// prints each beside the ssi-verify median from the last `scripts/bench` run (Markdown).
// Usage: node bench.mjs INPUT_DIR CRITERION_DIR; BENCH_FILTER=REGEX times only the rows whose
// label matches (e.g. BENCH_FILTER=ES256 bench/node/run.sh), after the same cross-checks.
import { readFileSync, existsSync } from 'node:fs';
import { createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { jwtVerify, compactVerify, importJWK } from 'jose';
import { PEX } from '@sphereon/pex';
import canonicalize from 'canonicalize';
import { ldpRows } from './ldp.mjs';

const [inputs, criterion, single] = process.argv.slice(2);
const read = (name) => JSON.parse(readFileSync(join(inputs, name), 'utf8'));
// One PEX evaluation of the 10,000 credentials takes minutes (PEX's cost grows faster than
// linearly), so it runs once, in a child process with a time limit, instead of in `time`.
const SINGLE_LIMIT_MS = 300_000;

// Median time per call: batches sized to take ~20 ms, for ~2 s after a ~0.5 s warm-up.
async function time(fn) {
  let batch = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) await fn();
    if (Number(process.hrtime.bigint() - t0) > 20e6 || batch > 1e6) break;
    batch *= 2;
  }
  const samples = [];
  const until = Date.now() + 2500;
  while (Date.now() < until) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) await fn();
    samples.push(Number(process.hrtime.bigint() - t0) / batch);
  }
  samples.splice(0, Math.ceil(samples.length / 5)); // warm-up
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

function rustMedian(id) {
  const file = join(criterion, id, 'new', 'estimates.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).median.point_estimate : undefined;
}

function fmt(ns) {
  for (const [unit, div] of [['s', 1e9], ['ms', 1e6], ['µs', 1e3]]) if (ns >= div) return `${(ns / div).toPrecision(3)} ${unit}`;
  return `${ns.toPrecision(3)} ns`;
}

function fail(message) {
  console.error(`bench.mjs: ${message}`);
  process.exit(1);
}

const jwt = read('jwt.json');
const secret = Buffer.from(jwt.hs256_secret_b64, 'base64');
const edKey = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: jwt.ed25519_x }, 'EdDSA');
const opts = (alg) => ({ algorithms: [alg], issuer: jwt.issuer, audience: jwt.issuer, clockTolerance: 60, requiredClaims: ['exp'] });
const verifies = async (token, key, alg) => jwtVerify(token, key, opts(alg)).then(() => true, () => false);
const tampered = (t) => `${t.slice(0, t.lastIndexOf('.') + 1)}A`;
const ecJwk = (crv, [x, y]) => ({ kty: 'EC', crv, x, y });
const es256Key = await importJWK(ecJwk('P-256', jwt.es256_xy), 'ES256');
for (const [token, key, alg] of [[jwt.hs256, secret, 'HS256'], [jwt.eddsa, edKey, 'EdDSA'], [jwt.es256, es256Key, 'ES256']]) {
  if (!(await verifies(token, key, alg)) || (await verifies(tampered(token), key, alg))) fail(`jose disagrees on the ${alg} vector`);
}
// jose 6 signs and verifies through WebCrypto only, which has no secp256k1: it refuses ES256K
// keys (checked here, so a jose that starts to support them is noticed). The ES256K row is
// node:crypto (OpenSSL) verifying the signature alone, the ES256 one is given the same way.
if (await importJWK(ecJwk('secp256k1', jwt.es256k_xy), 'ES256K').then(() => true, () => false)) {
  fail('jose now imports ES256K keys: add a jose ES256K row');
}
const rawVerifier = (token, crv, xy) => {
  const key = createPublicKey({ key: ecJwk(crv, xy), format: 'jwk' });
  const dot = token.lastIndexOf('.');
  const input = Buffer.from(token.slice(0, dot));
  const sig = Buffer.from(token.slice(dot + 1), 'base64url');
  return (message = input) => cryptoVerify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, sig);
};
const es256Raw = rawVerifier(jwt.es256, 'P-256', jwt.es256_xy);
const es256kRaw = rawVerifier(jwt.es256k, 'secp256k1', jwt.es256k_xy);
for (const [check, name] of [[es256Raw, 'ES256'], [es256kRaw, 'ES256K']]) {
  if (!check() || check(Buffer.from('changed'))) fail(`node:crypto disagrees on the ${name} token`);
}
if (!(await compactVerify(jwt.es256, es256Key, { algorithms: ['ES256'] }).then(() => true, () => false))) {
  fail('jose compactVerify rejects the ES256 token');
}

// JCS: the same definition text the Rust bench canonicalizes; both sides must write the same bytes.
const definitionText = readFileSync(join(inputs, 'presentation-definition.json'), 'utf8');
if (canonicalize(JSON.parse(definitionText)) !== readFileSync(join(inputs, 'presentation-definition.jcs.json'), 'utf8')) {
  fail('canonicalize and ssi-verify write different JCS for the seed definition');
}

// @sphereon/pex refuses the seed definition as it is ("not a valid PresentationDefinition"): its
// schema allows no members besides the DIF ones, and Gataca adds `dataAgreement` and `proof`.
// Neither takes part in evaluation, so PEX gets the definition without them.
const { dataAgreement: _agreement, proof: _proof, ...definition } = read('presentation-definition.json');
const pex = new PEX();
// PEX's overall status is 'error' for this definition whatever the credentials (its "Optional
// data" requirement picks from a group no descriptor belongs to), so the cross-check compares
// what both evaluators match: 3 of every 4 generated credentials are emailCredentials.
const matched = (creds) => pex.evaluateCredentials(definition, creds).value?.descriptor_map?.length ?? 0;
const hundred = read('credentials-100.json');
if (matched(hundred.slice(0, 1)) !== 1 || matched(hundred.slice(3, 4)) !== 0 || matched(hundred) !== 75) {
  fail('@sphereon/pex disagrees with ssi-verify on the generated credentials');
}

const rows = [
  ['jwt_verify_hs256/ssi_verify', 'jose jwtVerify HS256', () => jwtVerify(jwt.hs256, secret, opts('HS256'))],
  ['jwt_verify_eddsa/ssi_verify', 'jose jwtVerify EdDSA', () => jwtVerify(jwt.eddsa, edKey, opts('EdDSA'))],
  ['jwt_verify_es256/ssi_verify', 'jose jwtVerify ES256', () => jwtVerify(jwt.es256, es256Key, opts('ES256'))],
  ['jwt_verify_es256/ssi_verify', 'jose compactVerify ES256 (signature only)', () => compactVerify(jwt.es256, es256Key, { algorithms: ['ES256'] })],
  ['jwt_verify_es256/ssi_verify', 'node:crypto verify ES256 (signature only)', () => es256Raw()],
  ['jwt_verify_es256k/ssi_verify', 'node:crypto verify ES256K (signature only; jose refuses ES256K)', () => es256kRaw()],
  ['jcs_seed_definition/ssi_verify', 'canonicalize(JSON.parse(text)), seed definition', () => canonicalize(JSON.parse(definitionText))],
];
if (single) {
  const creds = read(`credentials-${single}.json`);
  const t0 = process.hrtime.bigint();
  pex.evaluateCredentials(definition, creds);
  console.log(Number(process.hrtime.bigint() - t0));
  process.exit(0);
}
for (const n of [1, 100]) {
  const creds = read(`credentials-${n}.json`);
  rows.push([`pe_evaluate_seed_definition/ssi_verify/${n}`, `@sphereon/pex evaluateCredentials, ${n}`, () => pex.evaluateCredentials(definition, creds)]);
}
rows.push(...(await ldpRows(inputs, fail)));
// The targets: PE evaluation >= 10x, a Linked Data credential verification >= 20x, JCS >= 4x.
const targets = [['pe_', 10], ['ldp_verify_credential/', 20], ['jcs_seed_definition/', 4]];

const filter = process.env.BENCH_FILTER ? new RegExp(process.env.BENCH_FILTER) : undefined;
const wanted = (label) => filter === undefined || filter.test(label);

console.log(`Node ${process.version}, jose, canonicalize, @sphereon/pex and the Linked Data libraries as pinned in bench/node/package.json`);
console.log();
console.log('| operation | Node (median) | ssi-verify (median) | ssi-verify faster by | target |');
console.log('|---|---|---|---|---|');
// Node's Linked Data verifications, for the floor printed after the table.
const ldpNode = [];
for (const [id, label, fn] of rows.filter(([, label]) => wanted(label))) {
  const node = await time(fn);
  if (id.startsWith('ldp_verify_credential/')) ldpNode.push([label, node]);
  const ours = rustMedian(id);
  const ratio = ours === undefined ? 'run scripts/bench first' : `${(node / ours).toFixed(1)}x`;
  const goal = targets.find(([prefix]) => id.startsWith(prefix))?.[1];
  const met = ours === undefined ? '' : `: ${node / ours >= goal ? 'met' : '**not met**'}`;
  const target = goal === undefined ? '' : `>= ${goal}x${met}`;
  console.log(`| ${label} | ${fmt(node)} | ${ours === undefined ? '-' : fmt(ours)} | ${ratio} | ${target} |`);
}
// Every Linked Data verification contains one Ed25519 verification: with everything else free,
// a verifier built on ssi-verify's Ed25519 (curve25519-dalek) could be at most this much faster.
const floor = rustMedian('ldp_verify_credential/ed25519_verify_only');
if (floor !== undefined && ldpNode.length > 0) {
  console.log();
  console.log(`Ed25519 verification alone (ssi-verify, 64-byte message): ${fmt(floor)}; Node's verification over it, the most any verifier on it could gain:`);
  for (const [label, node] of ldpNode) console.log(`- ${label}: ${(node / floor).toFixed(1)}x`);
}
if (wanted('@sphereon/pex evaluateCredentials, 10000')) {
  const id = 'pe_evaluate_seed_definition/ssi_verify/10000';
  const ours = rustMedian(id);
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), inputs, criterion, '10000'], {
    timeout: SINGLE_LIMIT_MS,
    encoding: 'utf8',
  });
  const node = child.status === 0 ? Number(child.stdout.trim()) : undefined;
  const shown = node === undefined ? `> ${SINGLE_LIMIT_MS / 1000} s (stopped)` : `${fmt(node)} (one run)`;
  const low = node ?? SINGLE_LIMIT_MS * 1e6; // a stopped run took at least the limit
  const ratio = ours === undefined ? 'run scripts/bench first' : `${node === undefined ? '> ' : ''}${(low / ours).toFixed(0)}x`;
  const met = ours === undefined ? '' : `: ${low / ours >= 10 ? 'met' : '**not met**'}`;
  console.log(`| @sphereon/pex evaluateCredentials, 10000 | ${shown} | ${ours === undefined ? '-' : fmt(ours)} | ${ratio} | >= 10x${met} |`);
}
