/**
 * The host configurations in deploy/, generated from the security headers and
 * the project's identity so that they cannot drift apart: an nginx file to
 * include in a `location` block, a Caddyfile, and a torrc snippet for an onion
 * service. `npm run deploy-configs` writes them into deploy/; every build
 * writes them, with deploy/'s other files, into the release's deploy/, so a
 * volunteer with only the archive has them; tests run each with the real
 * program from Debian.
 */
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Identity } from '../../src/lib/identity.ts';
import { paths } from '../../src/lib/routes.ts';
import { immutableCacheControl, immutableFolders, securityHeaders } from '../after-render/security-headers.ts';

/** What a volunteer edits: the prefix variable in nginx, the environment in Caddy. */
export const nginxPrefixVariable = 'belarus_unions_prefix';

function quoted(value: string): string {
  return JSON.stringify(value);
}

function nginxHeaders(indent: string): string[] {
  return Object.entries(securityHeaders).map(([name, value]) => `${indent}add_header ${name} ${quoted(value)} always;`);
}

/**
 * The release's files whose media type Debian's nginx does not know, all in one folder: the IPFS CAR, the e-books,
 * and the standalone tools, JavaScript modules (Debian's mime.types lacks .mjs).
 */
const ownMediaTypes = { car: 'application/vnd.ipld.car', epub: 'application/epub+zip', mjs: 'text/javascript' };
const typedFilesFolder = path.posix.dirname(paths.siteCar()).slice(1);

/**
 * The start of a nested location's regular expression that captures the path the copy lives under into the
 * prefix variable, up to the folder that follows it. Nested locations never run the outer block's `set`, so
 * without this their 404 would name `404.html` relative to the missing file: a redirect to itself, forever.
 */
const prefixThen = (folders: string) => `^(?<${nginxPrefixVariable}>.*?/)(?:${folders})`;

export function nginxInclude(identity: Identity): string {
  const immutable = immutableFolders.map((folder) => folder.slice(1)).join('|');
  const onion =
    identity.onionAddress === undefined
      ? []
      : [
          '# Tor Browser offers the onion service. $request_uri includes the location, so this is right only',
          '# where the copy is at the root of its host; every page also names its onion address itself.',
          `# add_header Onion-Location "http://${identity.onionAddress}$request_uri" always;`,
          '',
        ];
  return `# A copy of the site "Independent unions of Belarus: the record", served by nginx.
# Include this file in the location block that serves the unpacked release, after
# setting the path the copy lives under, with its slashes; and send the path without
# its final slash to the copy:
#
#     location = /belarus-unions {
#         absolute_redirect off;
#         return 301 /belarus-unions/;
#     }
#     location ^~ /belarus-unions/ {
#         alias /srv/belarus-unions/;
#         set $${nginxPrefixVariable} /belarus-unions/;
#         include /etc/nginx/snippets/belarus-unions.conf;
#     }
#
# ^~ keeps the server's regular-expression locations (a rule for every .js file, say) from taking
# the copy's files: without it, another folder's service-worker.js could be served in the copy.
# At the root of a host: location ^~ / { alias /srv/belarus-unions/; set $${nginxPrefixVariable} /; include …; }
# Generated from pipeline/release/host-configs.ts: change that, then run npm run deploy-configs.

index index.html;
try_files $uri $uri/ =404;
# The site's own 404 page, which finds the site's root from any depth.
error_page 404 \${${nginxPrefixVariable}}404.html;
# Redirects (a folder without its final slash) name only the path, so they keep the host and port the
# visitor used: behind Tor, nginx listens on 127.0.0.1:8080 but visitors come to <onion>:80.
absolute_redirect off;
charset utf-8;
# SHA256SUMS, MIRROR_ORIGIN, _headers and the .minisig signatures have no extension nginx knows: they are text.
default_type text/plain;

# Strict-Transport-Security asks browsers to use only HTTPS for this host and all its subdomains
# for two years: serve the copy over HTTPS, or delete that line.
${nginxHeaders('').join('\n')}
add_header Cache-Control "no-cache" always;
${onion.join('\n')}
# Files named by a hash of their content never change: browsers may keep them for a year.
# (add_header in a nested block replaces the ones above, so they are repeated.)
location ~ ${prefixThen(immutable)} {
${nginxHeaders('    ').join('\n')}
    add_header Cache-Control ${quoted(immutableCacheControl)} always;
}

# The IPFS CAR, for \`ipfs dag import\`, the e-books and the standalone tools, whose types Debian's mime.types lacks.
${Object.entries(ownMediaTypes)
  .map(
    ([extension, type]) => `location ~ ${prefixThen(`${typedFilesFolder}/`)}[^/]*\\.${extension}$ {
    types { }
    default_type ${type};
${nginxHeaders('    ').join('\n')}
    add_header Cache-Control "no-cache" always;
}`,
  )
  .join('\n\n')}
`;
}

function caddyHeaders(indent: string): string[] {
  return Object.entries(securityHeaders).map(([name, value]) => `${indent}${name} ${quoted(value)}`);
}

export function caddyfile(identity: Identity): string {
  const onion =
    identity.onionAddress === undefined
      ? []
      : [
          '\t\t# Tor Browser offers the onion service, at the same path.',
          `\t\theader Onion-Location "http://${identity.onionAddress}{http.request.uri}"`,
        ];
  return `# A copy of the site "Independent unions of Belarus: the record", served by Caddy.
# Set these in Caddy's environment, or write your values in place of the defaults after ":":
#   MIRROR_SITE    the address to serve: mirror.example.org (Caddy gets its HTTPS certificate
#                  itself), or http://:8080 behind a Tor onion service, which answers any host
#                  name, as the onion's visitors send theirs
#   MIRROR_BIND    the interface to listen on: nothing for all of them, or 127.0.0.1 behind Tor,
#                  so that the copy is reached only through the onion service
#   MIRROR_PREFIX  the path the copy lives under, without the final slash (/belarus-unions),
#                  or nothing for the root of the host
#   MIRROR_ROOT    the folder with the unpacked release
# Check it with: caddy validate --config Caddyfile --adapter caddyfile
# Generated from pipeline/release/host-configs.ts: change that, then run npm run deploy-configs.
{
	admin {$CADDY_ADMIN:localhost:2019}
}

{$MIRROR_SITE:localhost} {
	bind {$MIRROR_BIND:}

	# A folder without its slash would break the pages' relative links.
	@bare path_regexp ^{$MIRROR_PREFIX:}$
	redir @bare {$MIRROR_PREFIX:}/ 308

	handle_path {$MIRROR_PREFIX:}/* {
		root * {$MIRROR_ROOT:/srv/belarus-unions}
		@otherMethods not method GET HEAD
		respond @otherMethods 405

		# Strict-Transport-Security asks browsers to use only HTTPS for this host and all its
		# subdomains for two years: delete that line if the copy is served over plain HTTP.
		header {
${caddyHeaders('\t\t\t').join('\n')}
		}
${onion.join('\n')}
		# Files named by a hash of their content never change: browsers may keep them for a year.
		# Everything else is checked again on every visit, so an update reaches readers at once.
		@immutable path ${immutableFolders.map((folder) => `${folder}*`).join(' ')}
		header @immutable Cache-Control ${quoted(immutableCacheControl)}
		@mutable not path ${immutableFolders.map((folder) => `${folder}*`).join(' ')}
		header @mutable Cache-Control "no-cache"
		# SHA256SUMS, MIRROR_ORIGIN, _headers and the signatures are text; the CAR is for \`ipfs dag import\`.
		@text path */SHA256SUMS */MIRROR_ORIGIN */_headers *.minisig
		header @text Content-Type "text/plain; charset=utf-8"
		@car path *.car
		header @car Content-Type "application/vnd.ipld.car"
		file_server
	}

	# The site's own 404 page, which finds the site's root from any depth. The headers set for the
	# missing file stay on the error unless replaced: a hashed file's year of caching, the CAR's type.
	handle_errors {
		@notFound expression {err.status_code} == 404
		handle @notFound {
			root * {$MIRROR_ROOT:/srv/belarus-unions}
			rewrite * /404.html
			header {
${caddyHeaders('\t\t\t\t').join('\n')}
				Cache-Control "no-cache"
				Content-Type "text/html; charset=utf-8"
			}
			file_server
		}
	}
}
`;
}

export function torrcSnippet(): string {
  return `# A Tor onion service for a copy of the site "Independent unions of Belarus: the record".
# Add these lines to /etc/tor/torrc, serve the copy on 127.0.0.1:8080 only (deploy/nginx or
# deploy/caddy), and restart Tor; then /var/lib/tor/belarus-unions/hostname holds the onion address.
# The keys in that folder are the address: back them up and keep them secret.
# Check it with: tor --verify-config
HiddenServiceDir /var/lib/tor/belarus-unions/
HiddenServicePort 80 127.0.0.1:8080
`;
}

/** Every generated file, by its path under deploy/. */
export function generatedHostConfigs(identity: Identity): Record<string, string> {
  return {
    'nginx/belarus-unions.conf': nginxInclude(identity),
    'caddy/Caddyfile': caddyfile(identity),
    'tor/torrc': torrcSnippet(),
  };
}

/**
 * Writes deploy/ into the release: the generated files for this build's
 * identity, and the others (the GitHub Pages workflows) as they are.
 */
export async function writeHostConfigs(sourceDir: string, distDir: string, identity: Identity): Promise<string[]> {
  const generated = generatedHostConfigs(identity);
  const written: string[] = [];
  for (const entry of await readdir(sourceDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(sourceDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (file in generated) continue;
    await mkdir(path.dirname(path.join(distDir, 'deploy', file)), { recursive: true });
    await copyFile(path.join(sourceDir, file), path.join(distDir, 'deploy', file));
    written.push(file);
  }
  for (const [file, contents] of Object.entries(generated)) {
    await mkdir(path.dirname(path.join(distDir, 'deploy', file)), { recursive: true });
    await writeFile(path.join(distDir, 'deploy', file), contents);
    written.push(file);
  }
  return written.sort();
}
