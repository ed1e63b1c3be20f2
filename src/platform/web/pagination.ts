import type { Request } from 'express';

/** GOV.UK pagination component parameters for a list shown `pageSize` at a time. */
export function pagination(req: Request, page: number, total: number, pageSize: number) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string' && v !== '') params.set(k, v);
    params.set('page', String(p));
    return `?${params.toString()}`;
  };
  const first = Math.max(1, Math.min(page - 4, last - 9));
  const numbers = Array.from({ length: Math.min(last, 10) }, (_, i) => first + i);
  return {
    previous: page > 1 ? { href: link(page - 1) } : undefined,
    next: page < last ? { href: link(page + 1) } : undefined,
    items: last > 1 ? numbers.map((n) => ({ number: n, href: link(n), current: n === page })) : [],
  };
}
