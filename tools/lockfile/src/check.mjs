// Compares two npm lockfiles (v3) and reports real drift: a locked package whose version, integrity,
// source or link changed; a workspace whose declared dependencies changed; a package added or
// removed that is not an optional package of another platform (or only needed by one). Optional
// packages for other systems appear in the registry after a lockfile was written and `npm install`
// then records them: that is not drift and must never fail CI.

/** Fields of a locked package that must not change between the committed and the installed lockfile. */
const PINNED = ['version', 'integrity', 'link'];
/** Fields of a workspace entry (or the root) that must not change: what its package.json declares. */
const DECLARED = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/**
 * Whether an `os`/`cpu`/`libc` list admits a value. npm's lists hold names and `!name` negations.
 * @param {string[] | undefined} list
 * @param {string | undefined} value
 */
function admits(list, value) {
  if (!Array.isArray(list) || list.length === 0 || value === undefined) return true;
  if (list.includes(`!${value}`)) return false;
  const positives = list.filter((item) => !item.startsWith('!'));
  return positives.length === 0 || positives.includes(value);
}

/**
 * The platform this process runs on, in npm's terms.
 * @returns {{ os: string, cpu: string, libc: string | undefined }}
 */
export function currentPlatform() {
  let libc;
  if (process.platform === 'linux') {
    const report = process.report?.getReport?.();
    libc = report?.header?.glibcVersionRuntime ? 'glibc' : 'musl';
  }
  return { os: process.platform, cpu: process.arch, libc };
}

/**
 * Whether a locked entry can only be installed on another platform.
 * @param {Record<string, unknown>} entry
 * @param {{ os: string, cpu: string, libc?: string }} platform
 */
export function isForeign(entry, platform) {
  return !admits(entry.os, platform.os) || !admits(entry.cpu, platform.cpu) || !admits(entry.libc, platform.libc);
}

/** The package name of a lockfile key such as `node_modules/a/node_modules/@b/c`. */
function nameOf(key) {
  const at = key.lastIndexOf('node_modules/');
  return at === -1 ? key : key.slice(at + 'node_modules/'.length);
}

/**
 * Keys among `keys` (present in `packages`) that are optional packages of another platform, or
 * optional packages required only by such packages.
 */
function foreignOptional(keys, packages, platform) {
  const allowed = new Set(keys.filter((key) => packages[key]?.optional === true && isForeign(packages[key], platform)));
  let grew = true;
  while (grew) {
    grew = false;
    for (const key of keys) {
      if (allowed.has(key) || packages[key]?.optional !== true) continue;
      const name = nameOf(key);
      const requirers = Object.entries(packages).filter(([, entry]) =>
        DECLARED.some((field) => entry?.[field] && Object.hasOwn(entry[field], name)),
      );
      if (requirers.length > 0 && requirers.every(([requirer]) => allowed.has(requirer))) {
        allowed.add(key);
        grew = true;
      }
    }
  }
  return allowed;
}

/**
 * Problems that make `after` a real drift from `before`; an empty list means the install kept the lock.
 * @param {{ packages?: Record<string, Record<string, unknown>> }} before the committed lockfile
 * @param {{ packages?: Record<string, Record<string, unknown>> }} after the lockfile after `npm install`
 * @param {{ os: string, cpu: string, libc?: string }} [platform]
 * @returns {{ problems: string[], tolerated: string[] }}
 */
export function compareLockfiles(before, after, platform = currentPlatform()) {
  const old = before.packages ?? {};
  const now = after.packages ?? {};
  const problems = [];
  for (const [key, entry] of Object.entries(old)) {
    const next = now[key];
    if (!next) continue;
    for (const field of PINNED) {
      if (entry[field] !== next[field]) {
        problems.push(`${key || '(root)'}: ${field} changed from ${entry[field] ?? '(none)'} to ${next[field] ?? '(none)'}`);
      }
    }
    // npm may leave out registry URLs (omit-lockfile-registry-resolved); a source that is there on
    // both sides must be the same one.
    if (entry.resolved && next.resolved && entry.resolved !== next.resolved) {
      problems.push(`${key}: resolved changed from ${entry.resolved} to ${next.resolved}`);
    }
    if (key === '' || !key.includes('node_modules/')) {
      for (const field of DECLARED) {
        if (JSON.stringify(entry[field] ?? {}) !== JSON.stringify(next[field] ?? {})) {
          problems.push(`${key || '(root)'}: ${field} changed (package.json and lockfile disagree)`);
        }
      }
    }
  }
  const added = Object.keys(now).filter((key) => !(key in old));
  const removed = Object.keys(old).filter((key) => !(key in now));
  const addedOk = foreignOptional(added, now, platform);
  const removedOk = foreignOptional(removed, old, platform);
  const tolerated = [];
  for (const key of added) {
    if (addedOk.has(key)) tolerated.push(`added ${key} (optional, for another platform)`);
    else problems.push(`${key}: added`);
  }
  for (const key of removed) {
    if (removedOk.has(key)) tolerated.push(`removed ${key} (optional, for another platform)`);
    else problems.push(`${key}: removed`);
  }
  return { problems, tolerated };
}
