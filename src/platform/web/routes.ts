import express, { type RequestHandler } from 'express';
import type { Permission } from '../authz/permissions.ts';
import { authorise } from './middleware/authorise.ts';

/**
 * Who may use a route: everyone (`public`), anyone signed in (`signed-in`), or holders of a permission. Scoped checks
 * against a particular record happen in the handler, through the same policy.
 */
export type Access = 'public' | 'signed-in' | Permission;

export interface RouteSpec {
  method: 'get' | 'post';
  path: string;
  access: Access;
}

/**
 * A router whose every route must say who may use it. Registering is declaring: the access check is inserted before
 * the handlers, and the spec is kept for the permission-matrix test, which also fails on any route registered any
 * other way.
 */
export class Routes {
  readonly router = express.Router();
  readonly specs: RouteSpec[] = [];

  get(path: string, access: Access, ...handlers: RequestHandler[]): this {
    return this.add('get', path, access, handlers);
  }

  post(path: string, access: Access, ...handlers: RequestHandler[]): this {
    return this.add('post', path, access, handlers);
  }

  private add(method: RouteSpec['method'], path: string, access: Access, handlers: RequestHandler[]): this {
    this.specs.push({ method, path, access });
    this.router[method](path, authorise(access), ...handlers);
    return this;
  }
}
