/**
 * Button data, declared once per kind: a prefix and named, typed fields that pack into Telegram's
 * callback data (at most 64 bytes, checked when a keyboard is built) and unpack from a press. A press
 * whose data does not fit its kind's declaration (forged, stale, cut) unpacks to undefined.
 */

/** Telegram refuses callback data over 64 bytes. */
export const CALLBACK_DATA_LIMIT = 64;

/** int: a signed safe integer; nat: one ≥ 0; word: letters, digits and _*+- (no separator); a list: one of those words. */
export type FieldType = 'int' | 'nat' | 'word' | readonly string[];
export type Fields = readonly (readonly [name: string, type: FieldType])[];

type ValueOf<T extends FieldType> = T extends 'int' | 'nat' ? number : T extends readonly (infer U)[] ? U : string;
export type Values<F extends Fields> = { [K in F[number] as K[0]]: ValueOf<K[1]> };

export interface ButtonKind<F extends Fields> {
  readonly prefix: string;
  readonly fields: F;
  /** Matches every press of this kind, for `composer.action(kind.trigger, …)`. */
  readonly trigger: RegExp;
  pack(values: Values<F>): string;
  unpack(data: string | undefined): Values<F> | undefined;
}

const WORD = /^[\w*+-]+$/;
const INT = /^-?\d{1,16}$/;
const NAT = /^\d{1,16}$/;

export function buttonKind<const F extends Fields>(prefix: string, fields: F): ButtonKind<F> {
  if (!/^[a-z]+(:[a-z]+)*$/.test(prefix)) throw new Error(`button prefix "${prefix}" must be lowercase words joined by ":"`);
  const head = `${prefix}:`;
  const trigger = fields.length === 0 ? new RegExp(`^${prefix}$`) : new RegExp(`^${prefix}:`);
  const valid = (type: FieldType, raw: string): boolean =>
    type === 'int' || type === 'nat'
      ? (type === 'int' ? INT : NAT).test(raw) && Number.isSafeInteger(Number(raw))
      : WORD.test(raw) && (type === 'word' || type.includes(raw));
  return {
    prefix,
    fields,
    trigger,
    pack(values) {
      const record = values as Record<string, string | number>;
      const parts = fields.map(([name, type]) => {
        const raw = String(record[name]);
        if (!valid(type, raw)) throw new Error(`button ${prefix}: field ${name} = "${raw}" is not a valid ${Array.isArray(type) ? type.join('|') : String(type)}`);
        return raw;
      });
      const data = fields.length === 0 ? prefix : head + parts.join(':');
      if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_LIMIT) throw new Error(`callback data over ${CALLBACK_DATA_LIMIT} bytes: ${data}`);
      return data;
    },
    unpack(data) {
      if (data === undefined || Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_LIMIT) return undefined;
      if (fields.length === 0) return data === prefix ? ({} as Values<F>) : undefined;
      if (!data.startsWith(head)) return undefined;
      const parts = data.slice(head.length).split(':');
      if (parts.length !== fields.length) return undefined;
      const out: Record<string, string | number> = {};
      for (const [i, [name, type]] of fields.entries()) {
        const raw = parts[i] as string;
        if (!valid(type, raw)) return undefined;
        out[name] = type === 'int' || type === 'nat' ? Number(raw) : raw;
      }
      return out as Values<F>;
    },
  };
}

/** The data of the pressed button, when the update is a button press that carries data. */
export function pressedData(ctx: { callbackQuery?: object | undefined }): string | undefined {
  const query = ctx.callbackQuery;
  return query && 'data' in query && typeof query.data === 'string' ? query.data : undefined;
}
