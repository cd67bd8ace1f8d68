import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { HtmlValidate, type Message } from 'html-validate';
import { listFiles } from '../../pipeline/after-render/site-files';

/** The project's own rules, as editors see them too. */
const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')));
const describe = (file: string, messages: Message[]) =>
  messages.map((message) => `${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);

test('html-validate finds no error on any built page', async () => {
  const pages = (await listFiles('dist')).filter((file) => file.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(10);
  const errors: string[] = [];
  for (const file of pages) {
    const report = await validator.validateString(readFileSync(path.join('dist', file), 'utf8'), file);
    errors.push(...report.results.flatMap((result) => describe(file, result.messages)));
  }
  expect(errors).toEqual([]);
});

test('html-validate, as configured, does catch an invalid page', async () => {
  const report = await validator.validateString(
    '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div>block in p</div></p><img src="a.png"></body></html>',
    'broken.html',
  );
  const rules = report.results.flatMap((result) => result.messages.map((message) => message.ruleId));
  expect(rules).toEqual(expect.arrayContaining(['wcag/h37']));
  expect(report.valid).toBe(false);
});
