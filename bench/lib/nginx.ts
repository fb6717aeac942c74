import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './paths.js';

/**
 * deploy/nginx.conf, the `scale` profile's load balancer, run on this machine by Debian's nginx:
 * the same file with only the copies' addresses, the listen address and the files nginx writes
 * changed, so that what is measured and tested is what Compose runs.
 */
export const NGINX_BINARY = process.env.NGINX_BINARY ?? '/usr/sbin/nginx';
export const DEPLOYED_CONFIG = join(projectRoot, 'deploy', 'nginx.conf');

export function localNginxConfig(deployed: string, { listen, upstreams, dir }: { listen: string; upstreams: string[]; dir: string }): string {
  const servers = [...deployed.matchAll(/^\s*server server-[a-z]+:4000 (.*);$/gm)];
  if (servers.length !== 2 || !/^\s*listen 8080;$/m.test(deployed)) throw new Error('deploy/nginx.conf: expected two `server server-x:4000 ...;` lines and `listen 8080;`');
  const options = servers[0]![1];
  let local = deployed.replace(/^(\s*)server server-a:4000 .*;$/m, (_m, indent: string) => upstreams.map((address) => `${indent}server ${address} ${options};`).join('\n'));
  local = local.replace(/^\s*server server-b:4000 .*;\n/m, '');
  local = local.replace(/^(\s*)listen 8080;$/m, `$1listen ${listen};`);
  // Files an unprivileged nginx may write: its pid and temporary files, under `dir`.
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(dir, kind)};`).join('\n');
  return `pid ${join(dir, 'nginx.pid')};\n${local.replace(/^http \{$/m, `http {\n${temp}`)}`;
}

/** Writes the local config into `dir` and checks it with `nginx -t`; returns its path. */
export function writeLocalNginxConfig(dir: string, options: { listen: string; upstreams: string[] }): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'nginx.conf');
  writeFileSync(path, localNginxConfig(readFileSync(DEPLOYED_CONFIG, 'utf8'), { ...options, dir }));
  const checked = spawnSync(NGINX_BINARY, ['-t', '-p', dir, '-c', path], { encoding: 'utf8' });
  if (checked.status !== 0) throw new Error(`nginx -t refused ${path}:\n${checked.stderr}`);
  return path;
}

export const nginxAvailable = () => existsSync(NGINX_BINARY);

/** Runs nginx in the foreground on a config written by writeLocalNginxConfig. */
export function startNginx(dir: string, config: string): ChildProcess {
  // Its output through a pipe of ours, not inherited: workers that outlived their master would
  // hold the caller's stdout open.
  const nginx = spawn(NGINX_BINARY, ['-p', dir, '-c', config, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  nginx.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return nginx;
}
