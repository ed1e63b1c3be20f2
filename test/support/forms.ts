import { Parser } from 'htmlparser2';

/** A form as a page renders it: where it posts, and what a browser would send if nobody touched it. */
export interface RenderedForm {
  action: string;
  method: string;
  /** Field name → values: text as filled in, checked boxes and radios, each select's chosen (or first) option. */
  fields: Map<string, string[]>;
  /** The form's multipart encoding, which these tests do not send. */
  multipart: boolean;
}

/**
 * Every form on a page, read as a browser reads it, so a test can send one exactly as a person who changed nothing
 * (or only one field) would: an unchosen select arrives as "", not missing.
 */
export function formsOf(html: string): RenderedForm[] {
  const forms: RenderedForm[] = [];
  let form: RenderedForm | undefined;
  let select: { name: string; first?: string; chosen?: string } | undefined;
  let option: { value?: string; selected: boolean; text: string } | undefined;
  let textarea: { name: string; text: string } | undefined;
  const add = (name: string | undefined, value: string) => {
    if (!form || !name) return;
    form.fields.set(name, [...(form.fields.get(name) ?? []), value]);
  };
  const parser = new Parser(
    {
      onopentag(tag, a) {
        if (tag === 'form')
          form = {
            action: a.action ?? '',
            method: (a.method ?? 'get').toLowerCase(),
            fields: new Map(),
            multipart: a.enctype === 'multipart/form-data',
          };
        else if (tag === 'input' && a.type !== 'submit' && a.type !== 'file') {
          if ((a.type === 'checkbox' || a.type === 'radio') && a.checked === undefined) return;
          add(a.name, a.value ?? (a.type === 'checkbox' || a.type === 'radio' ? 'on' : ''));
        } else if (tag === 'select' && a.name) select = { name: a.name };
        else if (tag === 'option' && select)
          option = { value: a.value, selected: a.selected !== undefined, text: '' };
        else if (tag === 'textarea' && a.name) textarea = { name: a.name, text: '' };
      },
      ontext(text) {
        if (option) option.text += text;
        if (textarea) textarea.text += text;
      },
      onclosetag(tag) {
        if (tag === 'option' && select && option) {
          const value = option.value ?? option.text.trim();
          select.first ??= value;
          if (option.selected) select.chosen = value;
          option = undefined;
        } else if (tag === 'select' && select) {
          add(select.name, select.chosen ?? select.first ?? '');
          select = undefined;
        } else if (tag === 'textarea' && textarea) {
          add(textarea.name, textarea.text.replace(/^\n/, ''));
          textarea = undefined;
        } else if (tag === 'form' && form) {
          forms.push(form);
          form = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return forms;
}

/** A rendered form's fields with some changed, as a form body. */
export function filledIn(form: RenderedForm, changes: Record<string, string> = {}): string {
  const body = new URLSearchParams();
  for (const [name, values] of form.fields)
    if (!(name in changes)) for (const value of values) body.append(name, value);
  for (const [name, value] of Object.entries(changes)) body.append(name, value);
  return body.toString();
}
