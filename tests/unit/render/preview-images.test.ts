import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { previewImages } from '../../../pipeline/render/preview-images.ts';
import { paths } from '../../../src/lib/routes.ts';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

describe('the link-preview images', () => {
  it('read only real files of the content: a symbolic link, even to a pipe that never ends, is not followed', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'preview-images-'));
    folders.push(root);
    await cp('src/content/documents', path.join(root, 'src/content/documents'), { recursive: true });
    const outside = await mkdtemp(path.join(tmpdir(), 'outside-'));
    folders.push(outside);
    // A copy of a genuine document, outside the project: were the link followed, it would get an image.
    await cp('src/content/documents/en/petition-to-the-ilo.mdx', path.join(outside, 'letter.mdx'));
    await symlink(path.join(outside, 'letter.mdx'), path.join(root, 'src/content/documents/en/linked.mdx'));
    // Reading a pipe with no writer waits for ever: the test would time out.
    execFileSync('mkfifo', [path.join(outside, 'pipe')]);
    await symlink(path.join(outside, 'pipe'), path.join(root, 'src/content/documents/be/pipe.mdx'));

    const sitePaths = (await previewImages(root)).map((image) => image.sitePath);
    expect(sitePaths).toContain(paths.previewImage('en', 'petition-to-the-ilo'));
    expect(sitePaths).not.toContain(paths.previewImage('en', 'linked'));
    expect(sitePaths).not.toContain(paths.previewImage('be', 'pipe'));
  });
});
