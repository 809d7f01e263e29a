#!/usr/bin/env bash
# Regenerates the territorial referential resources of cnfs-territory from the
# npm package @etalab/decoupage-administratif (INSEE COG + DGCL EPCI + La Poste postal codes).
# Needs only bash, node and npm. Usage: scripts/regenerate-referential.sh [version] [sha512-integrity]
set -euo pipefail

# Pinned version and its npm integrity: bump both together (npm view @etalab/decoupage-administratif@X dist.integrity).
VERSION="${1:-6.0.0}"
INTEGRITY="${2:-sha512-XavYsFlbcM/prKr8hNHPKER94IHw/dsxNM4nxjWMYk6PLFACpEedvn/7wK8Baozm0dCYhWWcf+7bcWpA5pmCaQ==}"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT_DIR="${SCRIPT_DIR}/../src/main/resources/fr/cnfs/territory"
WORK_DIR="$(mktemp -d)"
trap 'rm -rf "${WORK_DIR}"' EXIT

echo "Fetching @etalab/decoupage-administratif@${VERSION}"
(cd "${WORK_DIR}" && npm pack --silent "@etalab/decoupage-administratif@${VERSION}" >/dev/null)
TARBALL="$(ls "${WORK_DIR}"/*.tgz)"

mkdir -p "${OUT_DIR}"
node - "${TARBALL}" "${VERSION}" "${INTEGRITY}" "${OUT_DIR}" <<'NODE'
'use strict'
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')
const crypto = require('crypto')

const [tarball, version, integrity, outDir] = process.argv.slice(2)
const tgz = fs.readFileSync(tarball)

// Refuse a tarball that is not the pinned one.
const actual = 'sha512-' + crypto.createHash('sha512').update(tgz).digest('base64')
if (actual !== integrity) {
  console.error(`Integrity mismatch for ${version}: expected ${integrity}, got ${actual}`)
  process.exit(1)
}

// Minimal ustar reader, so that no tar binary is needed.
function untar(buf) {
  const files = new Map()
  let off = 0
  let longName = null
  while (off + 512 <= buf.length) {
    const header = buf.subarray(off, off + 512)
    if (header.every(b => b === 0)) break
    const field = (s, l) => header.subarray(s, s + l).toString('utf8').replace(/\0.*$/s, '')
    let name = field(0, 100)
    const prefix = field(345, 155)
    if (prefix) name = prefix + '/' + name
    const size = parseInt(field(124, 12).trim() || '0', 8)
    const type = String.fromCharCode(header[156] || 48)
    const body = buf.subarray(off + 512, off + 512 + size)
    if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '')
    else {
      if (longName) { name = longName; longName = null }
      if (type === '0' || type === '\0') files.set(name, body)
    }
    off += 512 + Math.ceil(size / 512) * 512
  }
  return files
}

const files = untar(zlib.gunzipSync(tgz))
const readJson = name => {
  const body = files.get('package/data/' + name)
  if (!body) throw new Error('missing ' + name + ' in the package')
  return JSON.parse(body.toString('utf8'))
}
const regions = readJson('regions.json')
const departements = readJson('departements.json')
const communes = readJson('communes.json')
const epcis = readJson('epci.json')

const clean = v => (v === undefined || v === null ? '' : String(v).replace(/[\t\r\n]/g, ' '))
const tsv = (header, rows) => [header.join('\t'), ...rows.map(r => r.map(clean).join('\t'))].join('\n') + '\n'
const byCode = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)
// mtime 0 in the gzip header: the same input gives byte-identical output.
const writeGz = (name, text) => fs.writeFileSync(path.join(outDir, name), zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 }))

const zones = new Set(['metro', 'drom', 'com'])
const checkZone = (z, what) => { if (!zones.has(z)) throw new Error(`unknown zone ${z} for ${what}`) }

const regionRows = regions.map(r => { checkZone(r.zone, r.code); return [r.code, r.nom, r.zone] }).sort(byCode)
const departementRows = departements.map(d => { checkZone(d.zone, d.code); return [d.code, d.nom, d.region, d.zone] }).sort(byCode)

// Commune → EPCI (à fiscalité propre): each commune belongs to at most one.
const epciOf = new Map()
for (const e of epcis) {
  for (const m of e.membres) {
    if (epciOf.has(m.code)) throw new Error(`commune ${m.code} in two EPCI`)
    epciOf.set(m.code, e.code)
  }
}

// Current communes, plus the municipal arrondissements of Paris, Lyon and Marseille (their parent in the last column).
const kept = communes.filter(c => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal')
const currentCodes = new Set(kept.filter(c => c.type === 'commune-actuelle').map(c => c.code))
for (const code of epciOf.keys()) {
  if (!currentCodes.has(code)) throw new Error(`EPCI member ${code} is not a current commune`)
}
const communeRows = kept.map(c => {
  checkZone(c.zone, c.code)
  const arrondissement = c.type === 'arrondissement-municipal'
  // An arrondissement municipal is no legal entity: no SIREN; it shares its parent's EPCI.
  const epci = arrondissement ? epciOf.get(c.commune) : epciOf.get(c.code)
  return [c.code, c.nom, c.departement, c.region, c.siren || '', (c.codesPostaux || []).join(','), c.zone, epci || '', arrondissement ? c.commune : '']
}).sort(byCode)

const epciRows = epcis.map(e => [e.code, e.nom, e.type || '']).sort(byCode)

fs.writeFileSync(path.join(outDir, 'regions.tsv'), tsv(['code', 'name', 'zone'], regionRows))
fs.writeFileSync(path.join(outDir, 'departements.tsv'), tsv(['code', 'name', 'regionCode', 'zone'], departementRows))
writeGz('communes.tsv.gz', tsv(['code', 'name', 'departementCode', 'regionCode', 'siren', 'postalCodes', 'zone', 'epciSiren', 'parentCommuneCode'], communeRows))
writeGz('epci.tsv.gz', tsv(['siren', 'name', 'type'], epciRows))

const today = new Date().toISOString().slice(0, 10)
fs.writeFileSync(path.join(outDir, 'referential-version.properties'), [
  '# Generated by libs/territory/scripts/regenerate-referential.sh: do not edit by hand.',
  'source.package=@etalab/decoupage-administratif',
  `source.version=${version}`,
  `source.integrity=${integrity}`,
  'source.licence=MIT (code), Licence Ouverte / Etalab 2.0 (data)',
  `extraction.date=${today}`,
  `count.regions=${regionRows.length}`,
  `count.departements=${departementRows.length}`,
  `count.communes=${communeRows.filter(r => !r[8]).length}`,
  `count.arrondissementsMunicipaux=${communeRows.filter(r => r[8]).length}`,
  `count.epci=${epciRows.length}`,
  ''
].join('\n'))

console.log(`Wrote ${regionRows.length} régions, ${departementRows.length} départements, ` +
  `${communeRows.length} communes and arrondissements, ${epciRows.length} EPCI into ${outDir}`)
NODE
