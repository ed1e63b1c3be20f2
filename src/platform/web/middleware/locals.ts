import type { RequestHandler } from 'express';
import { can } from '../../authz/policy.ts';
import type { Permission } from '../../authz/permissions.ts';

/** The service navigation: each area shows only to those who may use it. */
const NAVIGATION: { text: string; href: string; permission: Permission }[] = [
  { text: 'Home', href: '/', permission: 'home.view' },
  { text: 'Requests', href: '/requests', permission: 'requests.view' },
  { text: 'Records', href: '/records', permission: 'records.view' },
  { text: 'Assets', href: '/information-assets', permission: 'assets.view' },
  { text: 'Incidents', href: '/incidents', permission: 'incidents.report' },
  { text: 'Compliance', href: '/compliance', permission: 'compliance.view' },
  { text: 'Discovery', href: '/discovery', permission: 'discovery.view' },
  { text: 'Audit', href: '/audit', permission: 'audit.view' },
  { text: 'Admin', href: '/admin', permission: 'users.manage' },
];

/** What every page template can use: the user, their navigation, a one-off message. */
export const pageLocals: RequestHandler = (req, res, next) => {
  const principal = req.principal;
  res.locals.user = principal;
  res.locals.currentPath = req.path;
  res.locals.can = (permission: Permission) => can(principal, permission);
  if (principal) {
    res.locals.navigation = NAVIGATION.filter((n) => can(principal, n.permission)).map((n) => ({
      text: n.text,
      href: n.href,
      active: n.href === '/' ? req.path === '/' : req.path === n.href || req.path.startsWith(`${n.href}/`),
    }));
  }
  if (req.session?.flash) {
    res.locals.flash = req.session.flash;
    delete req.session.flash;
  }
  next();
};
