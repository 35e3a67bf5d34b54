import { workspaceRoot } from '@certhub/testing';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

/** What the Dockerfile ships: the three services and the admin tool, run against `npm ci --omit=dev`. */
const SHIPPED_BUNDLES = ['dist/apps/api-gateway/main.js', 'dist/apps/parser-service/main.js', 'dist/apps/storage-service/main.js', 'dist/tools/admin/main.js'];

interface LockedPackage {
  readonly dev?: boolean;
}

/** The package a bare import names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

/** Packages the bundle loads from node_modules: webpack leaves them as require("…") calls. */
function externalPackages(bundle: string): string[] {
  const source = readFileSync(join(workspaceRoot(), bundle), 'utf8');
  const required = [...source.matchAll(/\brequire\("([^".][^"]*)"\)/g)].map((match) => match[1] as string);
  const builtins = new Set(builtinModules);
  return [...new Set(required.filter((name) => !name.startsWith('node:') && !builtins.has(name)).map(packageOf))].sort();
}

/**
 * The production image installs only what package-lock.json does not mark `dev` (npm ci --omit=dev). Every
 * package a shipped bundle loads must be among them, or the image fails at start with "Cannot find module":
 * this is what lets dev-only packages (the embedded MongoDB-protocol server's mingo and bson) be devDependencies.
 */
describe('the production image installs everything the shipped programs load', () => {
  const lock = JSON.parse(readFileSync(join(workspaceRoot(), 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };
  const installedInProduction = (name: string) => {
    const locked = lock.packages[`node_modules/${name}`];
    return locked !== undefined && locked.dev !== true;
  };

  it.each(SHIPPED_BUNDLES)('%s', (bundle) => {
    const external = externalPackages(bundle);
    expect(external).toContain('nats');
    expect(external.filter((name) => !installedInProduction(name))).toEqual([]);
  });

  it('leaves the dev-only packages out of production', () => {
    expect(installedInProduction('mingo')).toBe(false);
    expect(installedInProduction('nats')).toBe(true);
  });
});
