import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { govukFrontendDir } from '../nunjucks.ts';

const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public');

/** GOV.UK Frontend's assets from the package (no CDN), and Custodian's own few, cached for an hour. */
export function staticAssets(): express.Router {
  const options = { maxAge: '1h', index: false, redirect: false, fallthrough: true } as const;
  const router = express.Router();
  router.use('/assets', express.static(path.join(govukFrontendDir, 'govuk/assets'), options));
  router.use('/assets', express.static(path.join(govukFrontendDir, 'govuk'), { ...options, extensions: [] }));
  router.use('/public', express.static(publicDir, options));
  return router;
}
