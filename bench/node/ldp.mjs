// Linked Data proofs in Node, for bench.mjs: the credentials `bench-inputs` wrote verified with
// @digitalbazaar/vc and the suite libraries (eddsa-rdfc-2022: data-integrity +
// eddsa-rdfc-2022-cryptosuite + ed25519-multikey; Ed25519Signature2018: jsonld-signatures +
// ed25519-signature-2018), and canonicalized with jsonld.canonize (jsonld + rdf-canonize), all
// through an offline document loader serving the contexts ssi-verify bundles (ldp-contexts.json)
// and the did:key documents; anything else is refused, so nothing is fetched.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { Ed25519Signature2018 } from '@digitalbazaar/ed25519-signature-2018';

const DID_V1 = 'https://www.w3.org/ns/did/v1';
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58(bytes) {
  let n = BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
  let out = '';
  while (n > 0n) {
    out = B58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

function unbase58(text) {
  let n = 0n;
  for (const ch of text) {
    const d = B58.indexOf(ch);
    if (d < 0) throw new Error(`not base58: ${text}`);
    n = n * 58n + BigInt(d);
  }
  const hex = n.toString(16);
  const body = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  const zeros = text.length - text.replace(/^1+/, '').length;
  return Buffer.concat([Buffer.alloc(zeros), body]);
}

// The verification method and DID document of an Ed25519 did:key (`did:key:z6Mk…#z6Mk…`), as
// the suite expects it: a Multikey for eddsa-rdfc-2022, an Ed25519VerificationKey2018 for 2018.
function didKeyDocuments(vmId, kind) {
  const [did, fragment] = vmId.split('#');
  const raw = unbase58(fragment.slice(1));
  if (raw.length !== 34 || raw[0] !== 0xed || raw[1] !== 0x01) throw new Error(`not an Ed25519 did:key: ${vmId}`);
  const method = kind === 'multikey'
    ? { '@context': 'https://w3id.org/security/multikey/v1', id: vmId, type: 'Multikey', controller: did, publicKeyMultibase: fragment }
    : { '@context': 'https://w3id.org/security/suites/ed25519-2018/v1', id: vmId, type: 'Ed25519VerificationKey2018', controller: did, publicKeyBase58: base58(raw.subarray(2)) };
  const { '@context': context, ...embedded } = method;
  const didDocument = { '@context': [DID_V1, context], id: did, verificationMethod: [embedded], assertionMethod: [vmId], authentication: [vmId] };
  return { [vmId]: method, [did]: didDocument };
}

function offlineLoader(served) {
  return async (url) => {
    const document = served[url];
    if (document === undefined) throw new Error(`offline loader: ${url} is not served (nothing is fetched)`);
    return { contextUrl: null, documentUrl: url, document };
  };
}

// Each credential: [input name, label, the suite, the key form its verification method takes].
const CREDENTIALS = [
  ['eddsa_rdfc_2022', 'eddsa-rdfc-2022', () => new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), 'multikey'],
  ['ed25519_signature_2018', 'Ed25519Signature2018', () => new Ed25519Signature2018(), 'ed25519-2018'],
];

// Rows for bench.mjs ([criterion id, label, async fn]) after checking, for each credential, that
// it verifies, that a changed claim does not, and that jsonld.canonize gives ssi-verify's
// canonical N-Quads. `fail` stops the run with a message.
export async function ldpRows(inputs, fail) {
  const contexts = JSON.parse(readFileSync(join(inputs, 'ldp-contexts.json'), 'utf8'));
  const rows = [];
  for (const [name, label, makeSuite, keyKind] of CREDENTIALS) {
    const text = readFileSync(join(inputs, `ldp-${name}.json`), 'utf8');
    const expected = readFileSync(join(inputs, `ldp-${name}.nq`), 'utf8');
    const credential = JSON.parse(text);
    const documentLoader = offlineLoader({ ...contexts, ...didKeyDocuments(credential.proof.verificationMethod, keyKind) });
    const suite = makeSuite();
    const verify = async (t) => (await vc.verifyCredential({ credential: JSON.parse(t), suite, documentLoader })).verified;
    const result = await vc.verifyCredential({ credential: JSON.parse(text), suite, documentLoader });
    if (!result.verified) fail(`${label}: @digitalbazaar/vc does not verify the credential: ${JSON.stringify(result, null, 1).slice(0, 2000)}`);
    if (await verify(text.replace('ann@example.org', 'eve@example.org'))) fail(`${label}: @digitalbazaar/vc verifies a changed claim`);
    const { proof: _proof, ...unsigned } = credential;
    const unsignedText = JSON.stringify(unsigned);
    const canonize = (t) => jsonld.canonize(JSON.parse(t), { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: true });
    if ((await canonize(unsignedText)) !== expected) fail(`${label}: jsonld.canonize differs from ssi-verify's canonical N-Quads`);
    rows.push([`ldp_verify_credential/ssi_verify/${name}`, `@digitalbazaar/vc verifyCredential ${label}`, () => verify(text)]);
    rows.push([`ldp_canonicalize/ssi_verify/${name}`, `jsonld.canonize (toRDF + RDFC-1.0) ${label} credential`, () => canonize(unsignedText)]);
  }
  return rows;
}
