// The floor for a GOV.UK page on this stack: bare Express 5 rendering GOV.UK Frontend's template through Nunjucks,
// with no session, database or middleware. Custodian's home page is measured against it.
import express from 'express';
import nunjucks from 'nunjucks';
import path from 'node:path';
import { root } from '../support.ts';

const app = express();
nunjucks.configure([path.join(root, 'node_modules/govuk-frontend/dist')], { autoescape: true, express: app });
const page = `{% extends "govuk/template.njk" %}{% block content %}<h1 class="govuk-heading-l">Hello, {{ name }}</h1>
<ul class="govuk-list">{% for i in items %}<li><a class="govuk-link" href="/">{{ i }}</a></li>{% endfor %}</ul>{% endblock %}`;
app.get('/', (_req, res) => {
  res.send(nunjucks.renderString(page, { name: 'Alex Morgan', items: ['a', 'b', 'c'] }));
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`baseline listening on ${typeof address === 'object' && address ? address.port : ''}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
